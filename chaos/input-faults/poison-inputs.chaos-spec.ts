import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DeadLetterHeader, PredictionEventSchema, Topic } from '@mlops/contracts';
import { createRandom } from '@mlops/drift-stats';
import { FilesystemRegistry, type ModelVersion } from '@mlops/registry';
import { deployedEvent, freePort, registerTestModel, startServiceProcess, waitFor, type ServiceProcess } from '@mlops/testing';
import type { Message } from 'kafkajs';
import { connectChaosKafka, serviceKafkaEnv, statusOf, type ChaosKafka } from './support/chaos-kafka';
import { goodLabels, goodPredictions, goodRequests, ids } from './support/good-traffic';
import { LABEL_POISON, poisonFor, PREDICTION_POISON, REQUEST_POISON, type PoisonMessage } from './support/poison-messages';

// 10,000 malformed, oversized, wrongly-encoded and schema-violating messages mixed into valid
// traffic on the three topics outsiders write to, through the real ingestion and inference
// processes (the model `loan` deployed, so its feature schema is enforced on both): no crash,
// every bad message dead-lettered once with its reason, every good one processed once.
jest.setTimeout(300_000);

const PARTITIONS = 3;
const GOOD_PREDICTIONS = ids('good-p', 3000);
const GOOD_REQUESTS = ids('good-r', 2000);
const LABELED_PREDICTIONS = GOOD_PREDICTIONS.slice(0, 2000);
const LABELED_REQUESTS = GOOD_REQUESTS.slice(0, 500);
// Raw feature values that must never appear on /metrics or the health endpoints.
const SENTINEL_CATEGORY = 'sentinel-cabriolet-93f1';
const SENTINEL_NUMBER = 987654.321;

/** Deterministic interleaving of good and bad messages. */
function shuffled<T>(items: T[], seed: number): T[] {
  const rng = createRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('poison inputs through ingestion and inference', () => {
  let chaos: ChaosKafka;
  let registryRoot: string;
  let version: ModelVersion;
  let ingestion: ServiceProcess;
  let inference: ServiceProcess;
  const poison: PoisonMessage[] = [
    ...poisonFor(Topic.PredictionsRaw, PREDICTION_POISON, 5000, 3),
    ...poisonFor(Topic.LabelsRaw, LABEL_POISON, 2000, 1),
    ...poisonFor(Topic.InferenceRequests, REQUEST_POISON, 3000, 2),
  ];

  beforeAll(async () => {
    chaos = await connectChaosKafka('poison');
    registryRoot = await mkdtemp(path.join(os.tmpdir(), 'chaos-poison-registry-'));
    version = await registerTestModel(new FilesystemRegistry({ root: registryRoot }), 'loan', { seed: 11, rows: 400 });
    await chaos.createTopics(
      [Topic.PredictionsRaw, Topic.LabelsRaw, Topic.InferenceRequests, Topic.Predictions, Topic.PredictionsLabeled, Topic.DeadLetter, Topic.ModelsDeployed],
      PARTITIONS,
    );
    await chaos.producer.send({ topic: chaos.t(Topic.ModelsDeployed), messages: [{ key: 'loan', value: JSON.stringify(deployedEvent(version)) }] });
    const env = { ...serviceKafkaEnv(chaos.prefix, PARTITIONS), REGISTRY: 'filesystem', REGISTRY_ROOT: registryRoot };
    ingestion = startServiceProcess('ingestion', { ...env, INGESTION_GROUP_ID: `${chaos.prefix}ingestion` }, await freePort());
    inference = startServiceProcess('inference', { ...env, INFERENCE_GROUP_ID: `${chaos.prefix}inference`, INFERENCE_MODEL_DIR: path.join(registryRoot, 'inference-cache') }, await freePort());
    await waitFor(
      async () => (await statusOf(`${ingestion.url}/health/ready`)) === 200 && (await statusOf(`${inference.url}/v2/models/loan/ready`)) === 200,
      'ingestion ready and inference serving loan',
      { timeoutMs: 90_000, intervalMs: 250 },
    );
  });

  afterAll(async () => {
    await Promise.all([ingestion?.stop('SIGKILL'), inference?.stop('SIGKILL')]);
    await chaos?.close();
    await rm(registryRoot, { recursive: true, force: true });
  });

  it('dead-letters every bad message with its reason, processes every good one, and never crashes', async () => {
    const started = Date.now();
    const good: Record<string, Message[]> = {
      [Topic.PredictionsRaw]: goodPredictions(GOOD_PREDICTIONS, 21, (i) => (i % 100 === 0 ? { car: SENTINEL_CATEGORY, salary: SENTINEL_NUMBER } : {})),
      [Topic.LabelsRaw]: goodLabels([...LABELED_PREDICTIONS, ...LABELED_REQUESTS]),
      [Topic.InferenceRequests]: goodRequests(GOOD_REQUESTS, 22),
    };
    for (const [n, topic] of [Topic.PredictionsRaw, Topic.LabelsRaw, Topic.InferenceRequests].entries()) {
      const bad = poison.filter((p) => p.topic === topic);
      const small = bad.filter((p) => p.kind !== 'oversized').map((p): Message => ({ key: p.key, value: p.value }));
      const mixed = shuffled([...good[topic], ...small], 100 + n);
      for (let i = 0; i < mixed.length; i += 500) await chaos.producer.send({ topic: chaos.t(topic), messages: mixed.slice(i, i + 500) });
      // One per request: a produce request stays under the topic's max.message.bytes.
      for (const p of bad.filter((b) => b.kind === 'oversized')) await chaos.producer.send({ topic: chaos.t(topic), messages: [{ key: p.key, value: p.value }] });
    }
    const sentMs = Date.now() - started;

    const expected = { predictions: GOOD_PREDICTIONS.length + GOOD_REQUESTS.length, labeled: LABELED_PREDICTIONS.length + LABELED_REQUESTS.length, dlq: poison.length };
    await waitFor(
      async () =>
        (await chaos.countOf(Topic.Predictions)) >= expected.predictions &&
        (await chaos.countOf(Topic.PredictionsLabeled)) >= expected.labeled &&
        (await chaos.countOf(Topic.DeadLetter)) >= expected.dlq,
      `${expected.predictions} predictions, ${expected.labeled} labeled, ${expected.dlq} dead letters`,
      { timeoutMs: 180_000, intervalMs: 500 },
    );
    const processedMs = Date.now() - started;
    // Stragglers (a wrong extra output) would show up within this pause.
    await new Promise((r) => setTimeout(r, 2000));

    // Exact counts: every good one once, nothing else.
    const predictions = (await chaos.readAll(Topic.Predictions)).map((m) => PredictionEventSchema.parse(JSON.parse(m.value!.toString())).eventId);
    expect(predictions).toHaveLength(expected.predictions);
    expect(new Set(predictions)).toEqual(new Set([...GOOD_PREDICTIONS, ...GOOD_REQUESTS]));
    const labeled = (await chaos.readAll(Topic.PredictionsLabeled)).map((m) => (JSON.parse(m.value!.toString()) as { eventId: string }).eventId);
    expect(labeled).toHaveLength(expected.labeled);
    expect(new Set(labeled)).toEqual(new Set([...LABELED_PREDICTIONS, ...LABELED_REQUESTS]));

    // Every bad one exactly once in dlq, byte for byte, from its topic, with the reason of its kind.
    const dead = await chaos.readAll(Topic.DeadLetter);
    expect(dead).toHaveLength(expected.dlq);
    const byKey = new Map(dead.map((m) => [m.key?.toString() ?? '', m]));
    expect(byKey.size).toBe(expected.dlq);
    const mismatches: string[] = [];
    for (const p of poison) {
      const letter = byKey.get(p.key);
      const reason = letter?.headers[DeadLetterHeader.Reason]?.toString();
      const source = letter?.headers[DeadLetterHeader.SourceTopic]?.toString();
      const sameBytes = p.value === null ? letter?.value === null : letter?.value?.equals(p.value) === true;
      if (!letter || !reason || !p.reason.test(reason) || source !== chaos.t(p.topic) || !sameBytes) {
        mismatches.push(`${p.topic}/${p.kind} ${p.key}: ${letter ? `reason "${reason}", source ${source}, same bytes ${sameBytes}` : 'not dead-lettered'}`);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);

    // Alive and ready after all of it.
    for (const service of [ingestion, inference]) {
      expect(service.child.exitCode).toBeNull();
      expect(await statusOf(`${service.url}/health/ready`)).toBe(200);
    }
    expect(await statusOf(`${inference.url}/v2/health/ready`)).toBe(200);

    // The services count what they refused.
    const ingestionMetrics = await (await fetch(`${ingestion.url}/metrics`)).text();
    const inferenceMetrics = await (await fetch(`${inference.url}/metrics`)).text();
    const counter = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].reduce((sum, m) => sum + Number(m[1]), 0);
    const rawTopic = (topic: Topic) => chaos.t(topic).replace(/\./g, '\\.');
    expect(counter(ingestionMetrics, new RegExp(`mlops_events_total\\{service="ingestion",topic="(?:${rawTopic(Topic.PredictionsRaw)}|${rawTopic(Topic.LabelsRaw)})",outcome="dead_lettered"\\} (\\d+)`, 'g'))).toBe(7000);
    expect(counter(inferenceMetrics, /mlops_inference_requests_total\{[^}]*outcome="rejected"[^}]*\} (\d+)/g)).toBe(3000);
    process.stderr.write(
      `[poison-inputs] ${poison.length} bad + ${GOOD_PREDICTIONS.length + LABELED_PREDICTIONS.length + LABELED_REQUESTS.length + GOOD_REQUESTS.length} good messages: sent in ${sentMs} ms, all outputs after ${processedMs} ms\n`,
    );
  });

  it('shows no raw feature value on /metrics or the health endpoints (after the traffic above)', async () => {
    const endpoints = [
      `${ingestion.url}/metrics`,
      `${ingestion.url}/health/live`,
      `${ingestion.url}/health/ready`,
      `${inference.url}/metrics`,
      `${inference.url}/health/live`,
      `${inference.url}/health/ready`,
      `${inference.url}/v2/health/ready`,
      `${inference.url}/v2/models/loan/ready`,
    ];
    const bodies = await Promise.all(endpoints.map(async (url) => [url, await (await fetch(url)).text()] as const));
    // Values sent in valid events, and values only bad events carried.
    const secrets = [SENTINEL_CATEGORY, String(SENTINEL_NUMBER), 'forty-one', 'café', '"red"', 'x'.repeat(64), 'etc/passwd'];
    const leaks = bodies.flatMap(([url, body]) => secrets.filter((s) => body.includes(s)).map((s) => `${url} contains ${JSON.stringify(s.slice(0, 20))}`));
    expect(leaks).toEqual([]);
    expect(bodies.find(([url]) => url.endsWith('/metrics'))![1]).toMatch(/mlops_events_total/);
  });
});
