import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ArtifactRef, ModelDeployed } from '@mlops/contracts';
import { createRandom, profileToJSONText } from '@mlops/drift-stats';
import { saveTabularModel, selectBackend, trainTabularModel, type TrainingExample } from '@mlops/model';

// Structural stand-ins for the registry's types: libs/registry's own specs use this lib, so it
// cannot import @mlops/registry (that would be a cycle). Any ModelRegistry fits.
export interface RegisteredVersion {
  model: string;
  version: string;
  artifact: ArtifactRef;
  baselineProfile: ArtifactRef;
}
export interface VersionSink {
  createVersion(input: {
    model: string;
    sourceDir: string;
    metrics: Readonly<Record<string, number>>;
    baselineProfile: never;
    lineage: { requestId: string; dataWindow: { from: string; to: string } };
  }): Promise<RegisteredVersion>;
}

/** Seeded rows for a small loan-approval-like task: approve when salary is high for the age. */
export function loanExamples(n: number, seed: number, options: { flip?: boolean } = {}): TrainingExample[] {
  // The same mulberry32 stream drift-stats uses everywhere (seed 0 behaves as 1, as before).
  const rng = createRandom(seed >>> 0 || 1);
  const random = () => rng.next();
  return Array.from({ length: n }, () => {
    const age = 20 + Math.floor(random() * 60);
    const salary = 20_000 + Math.floor(random() * 130_000);
    const car = ['sedan', 'suv', 'coupe'][Math.floor(random() * 3)];
    const approve = age < 40 ? salary > 60_000 : salary > 100_000;
    return { features: { age, salary, car }, label: approve !== Boolean(options.flip) ? 'approve' : 'reject' };
  });
}

/**
 * Trains a small real model (tfjs on wasm), saves it and registers it as a new version, as
 * retraining would: for tests of the services that load, gate and serve models.
 */
export async function registerTestModel<V extends RegisteredVersion>(
  registry: { createVersion(input: Parameters<VersionSink['createVersion']>[0]): Promise<V> },
  model: string,
  options: {
    seed?: number;
    rows?: number;
    flip?: boolean;
    requestId?: string;
    /** Every weight NaN after training: a well-formed, correctly checksummed artifact whose outputs are all NaN. */
    nanWeights?: boolean;
  } = {},
): Promise<V> {
  await selectBackend('wasm');
  const examples = loanExamples(options.rows ?? 1500, options.seed ?? 1, { flip: options.flip });
  const trained = await trainTabularModel(examples, { task: 'binary', positiveLabel: 'approve', seed: options.seed ?? 1, maxEpochs: 60, hiddenUnits: [16], learningRate: 0.01 });
  if (options.nanWeights) {
    const poisoned = trained.network.getWeights().map((w) => w.mul(Number.NaN));
    trained.network.setWeights(poisoned);
    poisoned.forEach((w) => w.dispose());
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mlops-test-model-'));
  try {
    const saved = path.join(dir, 'model');
    await saveTabularModel(trained, saved);
    return await registry.createVersion({
      model,
      sourceDir: saved,
      metrics: trained.metrics as Record<string, number>,
      baselineProfile: JSON.parse(profileToJSONText(trained.baseline)) as never,
      lineage: {
        requestId: options.requestId ?? `test-${Date.now()}`,
        dataWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' },
      },
    });
  } finally {
    trained.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The ModelDeployed event that makes `version` the champion. */
export function deployedEvent(version: RegisteredVersion, previousVersion?: string): ModelDeployed {
  return {
    schemaVersion: 1,
    model: version.model,
    version: version.version,
    artifact: version.artifact,
    baselineProfile: version.baselineProfile,
    ...(previousVersion ? { previousVersion } : {}),
    deployedAt: new Date().toISOString(),
  };
}
