import path from 'node:path';
import { MODEL_REGISTERED_TYPE, Topic, toCloudEventHeaders } from '@mlops/contracts';
import { DEFAULT_RETRAIN_SETTINGS, trainAndRegister } from '@mlops/lifecycle';
import { selectBackend } from '@mlops/model';
import type { StructuredLogger } from '@mlops/observability';
import type { ModelRegistry } from '@mlops/registry';
import { simulate, type Scenario } from '@mlops/simulation';
import { waitFor } from '@mlops/testing';
import type { Producer } from 'kafkajs';

/**
 * The champion the stream starts with, brought in as `npm start` does: trained on the
 * scenario's first phase, registered, announced as ModelRegistered so the deployment service
 * gates and promotes it like any later version, and awaited until inference serves it.
 */
export async function deployFirstModel(args: {
  scenario: Scenario;
  registry: ModelRegistry;
  producer: Producer;
  t: (topic: Topic) => string;
  workDir: string;
  inferenceUrl: string;
  logger: StructuredLogger;
  rows?: number;
}): Promise<string> {
  const { scenario, registry, producer, t, logger } = args;
  await selectBackend('wasm');
  const now = Date.now();
  const examples = [...simulate(scenario, { start: now - 3_600_000, rate: 100, runId: `first-${now.toString(36)}`, limit: args.rows ?? 3000 })].flatMap((r) =>
    r.kind === 'prediction' ? [{ features: r.event.features, label: r.truth.label }] : [],
  );
  const outcome = await trainAndRegister(
    {
      model: scenario.model,
      examples,
      requestId: `first-${now.toString(36)}`,
      dataWindow: { from: new Date(now - 3_600_000).toISOString(), to: new Date(now).toISOString() },
      trigger: 'manual',
      trainer: 'chaos',
      settings: { ...DEFAULT_RETRAIN_SETTINGS, categoricalFeatures: ['elevel', 'car', 'zipcode'] },
    },
    { registry, workDir: path.join(args.workDir, 'first-model'), logger },
  );
  if (outcome.kind !== 'registered') throw new Error(`the first model was rejected: ${outcome.event.reason} ${outcome.event.detail ?? ''}`);
  await producer.send({
    topic: t(Topic.ModelsRegistered),
    messages: [{ key: scenario.model, value: JSON.stringify(outcome.event), headers: toCloudEventHeaders({ type: MODEL_REGISTERED_TYPE, source: '/mlops/chaos', subject: scenario.model }) }],
  });
  const version = outcome.version.version;
  await waitFor(async () => (await servedVersion(args.inferenceUrl, scenario.model)) === version, `inference to serve ${scenario.model} v${version}`, { timeoutMs: 120_000, intervalMs: 500 });
  return version;
}

/** The version inference serves for `model` (Open Inference Protocol model metadata), if any. */
export async function servedVersion(inferenceUrl: string, model: string): Promise<string | undefined> {
  const response = await fetch(`${inferenceUrl}/v2/models/${model}`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
  if (!response || response.status !== 200) return undefined;
  return ((await response.json()) as { versions: string[] }).versions[0];
}
