import path from 'node:path';
import { MODEL_REGISTERED_TYPE, Topic, toCloudEventHeaders } from '@mlops/contracts';
import { DEFAULT_RETRAIN_SETTINGS, trainAndRegister } from '@mlops/lifecycle';
import { selectBackend } from '@mlops/model';
import type { StructuredLogger } from '@mlops/observability';
import type { ModelRegistry } from '@mlops/registry';
import { simulate, type Scenario } from '@mlops/simulation';
import type { Producer } from 'kafkajs';

export interface FirstModel {
  version: string;
  rows: number;
  trainSeconds: number;
  accuracy?: number;
}

/**
 * The champion a loop starts with (`npm start`, bench:pipeline, the fault suite): trained on the
 * scenario's first rows, registered, announced as ModelRegistered so the deployment service
 * gates and promotes it like any later version, and awaited until inference serves it.
 */
export async function deployFirstModel(args: {
  scenario: Scenario;
  registry: ModelRegistry;
  producer: Producer;
  topic: (topic: Topic) => string;
  workDir: string;
  inferenceUrl: string;
  logger: StructuredLogger;
  rows: number;
  /** Event rate of the simulated training stream (sets its timestamps). */
  rate: number;
  runId: string;
  /** Who trained it, for lineage and the event's source: loop, bench, chaos. */
  trainer: string;
  /** Called once the version is registered and announced, before waiting for inference. */
  onRegistered?: (model: FirstModel) => void;
  timeoutMs?: number;
}): Promise<FirstModel> {
  const { scenario, logger } = args;
  await selectBackend('wasm');
  const started = Date.now();
  const examples = [...simulate(scenario, { start: started - 3_600_000, rate: args.rate, runId: `${args.runId}train`, limit: args.rows })].flatMap((r) =>
    r.kind === 'prediction' ? [{ features: r.event.features, label: r.truth.label }] : [],
  );
  const outcome = await trainAndRegister(
    {
      model: scenario.model,
      examples,
      requestId: `${args.runId}-bootstrap`,
      dataWindow: { from: new Date(started - 3_600_000).toISOString(), to: new Date(started).toISOString() },
      trigger: 'manual',
      trainer: args.trainer,
      settings: { ...DEFAULT_RETRAIN_SETTINGS, categoricalFeatures: ['elevel', 'car', 'zipcode'] },
    },
    { registry: args.registry, workDir: path.join(args.workDir, 'bootstrap'), logger },
  );
  if (outcome.kind !== 'registered') throw new Error(`the first model was rejected: ${outcome.event.reason} ${outcome.event.detail ?? ''}`);
  await args.producer.send({
    topic: args.topic(Topic.ModelsRegistered),
    messages: [{ key: scenario.model, value: JSON.stringify(outcome.event), headers: toCloudEventHeaders({ type: MODEL_REGISTERED_TYPE, source: `/mlops/${args.trainer}`, subject: scenario.model }) }],
  });
  const first: FirstModel = { version: outcome.version.version, rows: examples.length, trainSeconds: (Date.now() - started) / 1000, accuracy: outcome.event.metrics.accuracy };
  args.onRegistered?.(first);
  const deadline = Date.now() + (args.timeoutMs ?? 120_000);
  while ((await servedVersion(args.inferenceUrl, scenario.model)) !== first.version) {
    if (Date.now() > deadline) throw new Error(`timed out after ${(args.timeoutMs ?? 120_000) / 1000} s waiting for inference to serve ${scenario.model} v${first.version}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return first;
}

/** The version inference serves for `model` (Open Inference Protocol model metadata), if any. */
export async function servedVersion(inferenceUrl: string, model: string): Promise<string | undefined> {
  const response = await fetch(`${inferenceUrl}/v2/models/${model}`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
  if (!response || response.status !== 200) return undefined;
  return ((await response.json()) as { versions: string[] }).versions[0];
}
