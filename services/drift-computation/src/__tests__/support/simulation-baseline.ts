import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FeatureSchema, profileToJSONText, ReferenceProfile } from '@mlops/drift-stats';
import { BASELINE_LABEL_COLUMN, BASELINE_PREDICTION_COLUMN } from '@mlops/model';
import type { ModelRegistry, ModelVersion } from '@mlops/registry';
import { AGRAWAL_FEATURES, loadScenario, simulate } from '@mlops/simulation';

/** The baseline schema of the simulation's stand-in model: Agrawal's nine attributes, its class prediction and the label. */
export const AGRAWAL_BASELINE_SCHEMA: FeatureSchema[] = [
  ...AGRAWAL_FEATURES.map((f): FeatureSchema => ({ name: f.name, type: f.kind === 'categorical' ? 'categorical' : 'numerical' })),
  { name: BASELINE_PREDICTION_COLUMN, type: 'categorical', role: 'prediction' },
  { name: BASELINE_LABEL_COLUMN, type: 'categorical', role: 'label' },
];

/**
 * What a training run on the stable Agrawal stream would have saved: the reference profile of
 * `rows` stable events (a seed of its own, so the monitored stream is fresh data) and the stand-in
 * model's accuracy (1 − its 5% error rate).
 */
export function agrawalBaseline(rows = 20_000, seed = 1001): { profile: ReferenceProfile; metrics: Record<string, number> } {
  const data: Record<string, unknown>[] = [];
  let correct = 0;
  for (const record of simulate(loadScenario('stable'), { start: Date.UTC(2026, 0, 1), rate: 100, seed, limit: rows })) {
    if (record.kind !== 'prediction') continue;
    data.push({ ...record.event.features, [BASELINE_PREDICTION_COLUMN]: record.event.prediction, [BASELINE_LABEL_COLUMN]: record.truth.label });
    if (record.event.prediction === record.truth.label) correct++;
  }
  return { profile: ReferenceProfile.fromRows(data, AGRAWAL_BASELINE_SCHEMA, { seed: 7 }), metrics: { accuracy: correct / rows } };
}

/** Registers the baseline as a model version (the artifact is a placeholder: drift never loads the model). */
export async function registerAgrawalBaseline(registry: ModelRegistry, model: string, baseline = agrawalBaseline()): Promise<ModelVersion> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'drift-baseline-'));
  try {
    await writeFile(path.join(dir, 'model.json'), JSON.stringify({ placeholder: true }));
    return await registry.createVersion({
      model,
      sourceDir: dir,
      metrics: baseline.metrics,
      baselineProfile: JSON.parse(profileToJSONText(baseline.profile)) as never,
      lineage: { requestId: `drift-test-${Date.now()}`, dataWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' } },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
