import { DeadLetterHeader, LabeledPredictionEventSchema, PredictionEventSchema, Topic, topicName } from '@mlops/contracts';
import { ConsumedMessage, createKafkaClient, ensureTopics, replayTopic } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FilesystemRegistry } from '@mlops/registry';
import { deployedEvent, freePort, registerTestModel, ServiceProcess, startServiceProcess, testBrokers, uniqueName, waitFor } from '@mlops/testing';
import { Admin, Kafka, Producer } from 'kafkajs';

// The ingestion service as a real process against the real broker.
const logger = createLogger({ name: 'ingestion-int-spec', level: 'warn' });

const prediction = (eventId: string, entityId?: string) => ({
  schemaVersion: 1,
  eventId,
  model: 'loan',
  timestamp: new Date(Date.now() - 60_000).toISOString(),
  features: { age: 30 + (eventId.length % 20), car: 'sedan', salary: 50_000 },
  prediction: { label: 'approve', score: 0.7 },
  ...(entityId ? { entityId } : {}),
});
const label = (keys: { eventId?: string; entityId?: string }, value = 'approve') => ({
  schemaVersion: 1,
  model: 'loan',
  label: value,
  timestamp: new Date().toISOString(),
  ...keys,
});
// Producers key raw events by eventId (or entityId): two labels for one prediction then stay in order.
const json = (v: { eventId?: string; entityId?: string; [field: string]: unknown }) => ({ key: v.eventId ?? v.entityId ?? null, value: JSON.stringify(v) });

jest.setTimeout(180_000);

describe('ingestion service process', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    kafka = createKafkaClient(
      { brokers: testBrokers(), clientId: 'ingestion-int-spec', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 },
      logger,
    );
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer();
    await producer.connect();
  });

  afterEach(async () => {
    await service?.stop('SIGKILL');
    service = undefined;
  });

  afterAll(async () => {
    await producer.disconnect();
    await admin.disconnect();
  });

  async function setup(extraEnv: Record<string, string> = {}) {
    const prefix = `${uniqueName('ingestion')}.`;
    const t = (topic: Topic) => topicName(topic, prefix);
    await ensureTopics(
      admin,
      [Topic.PredictionsRaw, Topic.LabelsRaw, Topic.Predictions, Topic.PredictionsLabeled, Topic.DeadLetter, Topic.ModelsDeployed].map((topic) => ({
        name: t(topic),
        partitions: 2,
        compacted: topic === Topic.ModelsDeployed,
      })),
      logger,
    );
    const start = async () =>
      startServiceProcess(
        'ingestion',
        {
          KAFKA_BROKERS: testBrokers().join(','),
          KAFKA_TOPIC_PREFIX: prefix,
          KAFKA_TOPIC_PARTITIONS: '2',
          INGESTION_GROUP_ID: `${prefix}group`,
          LOG_LEVEL: 'warn',
          KAFKA_SESSION_TIMEOUT_MS: '6000',
          KAFKA_PROBE_INTERVAL_MS: '500',
          ...extraEnv,
        },
        await freePort(),
      );
    return { t, start };
  }

  async function readAll(topic: string): Promise<ConsumedMessage[]> {
    const all: ConsumedMessage[] = [];
    await replayTopic({ kafka, topic, from: 'earliest', logger, handle: (ms) => void all.push(...ms) });
    return all;
  }

  async function countOf(topic: string): Promise<number> {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  }

  it('turns a mixed stream into exactly the expected predictions, labeled predictions and dead letters', async () => {
    const { t, start } = await setup();
    const ids = Array.from({ length: 200 }, (_, i) => `p-${i}`);
    // Early labels for p-0..19 arrive before anything else.
    await producer.send({ topic: t(Topic.LabelsRaw), messages: ids.slice(0, 20).map((id) => json(label({ eventId: id }))) });
    service = await start();
    const bad = [
      { value: 'not json' },
      { value: null },
      json({ ...prediction('bad-1'), features: {} }),
      json({ ...prediction('bad-2'), timestamp: 'yesterday' }),
      json({ ...prediction('bad-3'), features: { age: 'x'.repeat(5000) } }),
      json({ ...prediction('bad-4'), model: '../etc/passwd' }),
    ];
    await producer.send({
      topic: t(Topic.PredictionsRaw),
      messages: [...ids.map((id, i) => json(prediction(id, i >= 190 ? `customer-${i}` : undefined))), ...bad, ...ids.slice(0, 30).map((id) => json(prediction(id)))],
    });
    await producer.send({
      topic: t(Topic.LabelsRaw),
      messages: [
        ...ids.slice(20, 120).map((id) => json(label({ eventId: id }))), // late labels
        ...ids.slice(190, 200).map((_, i) => json(label({ entityId: `customer-${190 + i}` }))), // by entity
        ...ids.slice(20, 30).map((id) => json(label({ eventId: id }, 'reject'))), // second label: duplicate
        ...Array.from({ length: 10 }, (_, i) => json(label({ eventId: `orphan-${i}` }))), // never joined
        { value: '{"model":"loan"}' }, // invalid label
      ],
    });

    await waitFor(async () => (await countOf(t(Topic.PredictionsLabeled))) >= 130 && (await countOf(t(Topic.DeadLetter))) >= 7, 'all outputs', {
      timeoutMs: 60000,
      intervalMs: 500,
    });
    // Give stragglers (wrong extra outputs, if any) time to show up before counting exactly.
    await new Promise((r) => setTimeout(r, 1500));

    const predictions = (await readAll(t(Topic.Predictions))).map((m) => PredictionEventSchema.parse(JSON.parse(m.value!.toString())));
    expect(predictions.map((p) => p.eventId).sort()).toEqual([...ids].sort());
    const labeled = (await readAll(t(Topic.PredictionsLabeled))).map((m) => LabeledPredictionEventSchema.parse(JSON.parse(m.value!.toString())));
    expect(labeled.map((p) => p.eventId).sort()).toEqual([...ids.slice(0, 120), ...ids.slice(190, 200)].sort());
    expect(labeled.find((p) => p.eventId === 'p-25')!.label).toBe('approve');
    const dead = await readAll(t(Topic.DeadLetter));
    expect(dead).toHaveLength(7);
    expect(dead.map((m) => m.headers[DeadLetterHeader.Reason]!.toString()).join('\n')).toMatch(/features/);
    expect(dead.every((m) => m.headers[DeadLetterHeader.SourceTopic] !== undefined)).toBe(true);
    expect(dead.find((m) => m.value?.toString() === 'not json')).toBeDefined();

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`mlops_events_total\\{service="ingestion",topic="${t(Topic.PredictionsRaw)}",outcome="accepted"\\} 200`));
    expect(metrics).toMatch(new RegExp(`mlops_events_total\\{service="ingestion",topic="${t(Topic.PredictionsRaw)}",outcome="duplicate"\\} 30`));
    expect(metrics).toMatch(/mlops_label_joins_total\{outcome="joined"\} 130/);
    expect(metrics).toMatch(new RegExp(`mlops_events_total\\{service="ingestion",topic="${t(Topic.LabelsRaw)}",outcome="accepted"\\} 140`));
    expect(metrics).toMatch(new RegExp(`mlops_events_total\\{service="ingestion",topic="${t(Topic.LabelsRaw)}",outcome="duplicate"\\} 10`));
    expect(metrics).toMatch(/mlops_label_join_pending\{kind="label"\} 10/);
    expect(metrics).toMatch(new RegExp(`mlops_consumer_lag\\{service="ingestion",topic="${t(Topic.PredictionsRaw)}",partition="0"\\} \\d+`));
  });

  it('checks features against the deployed model\'s schema from the registry', async () => {
    const registryRoot = await mkdtemp(path.join(os.tmpdir(), 'mlops-ingestion-registry-'));
    try {
      const registry = new FilesystemRegistry({ root: registryRoot });
      const version = await registerTestModel(registry, 'loan', { seed: 4, rows: 400 });
      const { t, start } = await setup({ REGISTRY_ROOT: registryRoot });
      await producer.send({ topic: t(Topic.ModelsDeployed), messages: [{ key: 'loan', value: JSON.stringify(deployedEvent(version)) }] });
      service = await start();
      const base = { age: 30, salary: 50_000, car: 'suv' };
      await producer.send({
        topic: t(Topic.PredictionsRaw),
        messages: [
          json({ ...prediction('ok-1'), features: base }),
          json({ ...prediction('ok-2'), features: { ...base, salary: '72000.5' } }),
          json({ ...prediction('extra'), features: { ...base, color: 'red' } }),
          json({ ...prediction('missing'), features: { age: 30, salary: 1 } }),
          json({ ...prediction('typed'), features: { ...base, age: 'thirty' } }),
        ],
      });
      await waitFor(async () => (await countOf(t(Topic.Predictions))) >= 2 && (await countOf(t(Topic.DeadLetter))) >= 3, 'outputs', { timeoutMs: 60000, intervalMs: 250 });
      const accepted = (await readAll(t(Topic.Predictions))).map((m) => JSON.parse(m.value!.toString()));
      expect(accepted.map((p) => p.eventId).sort()).toEqual(['ok-1', 'ok-2']);
      expect(accepted.find((p) => p.eventId === 'ok-2').features.salary).toBe(72000.5);
      const reasons = (await readAll(t(Topic.DeadLetter))).map((m) => m.headers[DeadLetterHeader.Reason]!.toString()).sort();
      expect(reasons).toEqual([
        'features.age: expected a number for model loan version 1, received string',
        'features.car: missing (model loan version 1 expects it; send null for an unknown value)',
        'features.color: not a feature of model loan version 1',
      ]);
    } finally {
      await rm(registryRoot, { recursive: true, force: true });
    }
  });

  it('keeps waiting labels across a restart: the join state is rebuilt from the topics', async () => {
    const { t, start } = await setup();
    service = await start();
    const ids = Array.from({ length: 50 }, (_, i) => `w-${i}`);
    await producer.send({ topic: t(Topic.LabelsRaw), messages: ids.map((id) => json(label({ eventId: id }))) });
    await producer.send({ topic: t(Topic.PredictionsRaw), messages: ids.slice(0, 10).map((id) => json(prediction(id))) });
    await waitFor(async () => (await countOf(t(Topic.PredictionsLabeled))) === 10, 'the first 10 joins', { timeoutMs: 30000, intervalMs: 200 });
    // Let the consumer commit what it handled, then restart it.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await service.stop('SIGTERM')).code).toBe(0);

    service = await start();
    await producer.send({ topic: t(Topic.PredictionsRaw), messages: ids.map((id) => json(prediction(id))) });
    await waitFor(async () => (await countOf(t(Topic.PredictionsLabeled))) >= 50, 'the 40 joins after the restart', { timeoutMs: 30000, intervalMs: 200 });
    await new Promise((r) => setTimeout(r, 1000));
    const labeled = (await readAll(t(Topic.PredictionsLabeled))).map((m) => JSON.parse(m.value!.toString()).eventId as string);
    expect(labeled.sort()).toEqual([...ids].sort());
    expect(await countOf(t(Topic.Predictions))).toBe(50);
  });

  it('loses nothing and emits nothing twice when killed with SIGKILL mid-stream and restarted', async () => {
    const { t, start } = await setup();
    const total = 4000;
    const ids = Array.from({ length: total }, (_, i) => `k-${i}`);
    for (let i = 0; i < total; i += 500) {
      await producer.send({ topic: t(Topic.PredictionsRaw), messages: ids.slice(i, i + 500).map((id) => json(prediction(id))) });
      await producer.send({ topic: t(Topic.LabelsRaw), messages: ids.slice(i, i + 500).map((id) => json(label({ eventId: id }))) });
    }
    service = await start();
    await waitFor(async () => (await countOf(t(Topic.Predictions))) >= 800, 'some output before the kill', { timeoutMs: 60000, intervalMs: 50 });
    await service.stop('SIGKILL');
    const atKill = await countOf(t(Topic.Predictions));
    expect(atKill).toBeLessThan(total);

    service = await start();
    await waitFor(
      async () => (await countOf(t(Topic.Predictions))) >= total && (await countOf(t(Topic.PredictionsLabeled))) >= total,
      'every event after the restart',
      { timeoutMs: 90000, intervalMs: 500 },
    );
    await new Promise((r) => setTimeout(r, 1500));
    const predictions = (await readAll(t(Topic.Predictions))).map((m) => JSON.parse(m.value!.toString()).eventId as string);
    const labeled = (await readAll(t(Topic.PredictionsLabeled))).map((m) => JSON.parse(m.value!.toString()).eventId as string);
    expect(predictions).toHaveLength(total);
    expect(new Set(predictions).size).toBe(total);
    expect(labeled).toHaveLength(total);
    expect(new Set(labeled).size).toBe(total);
    expect(await countOf(t(Topic.DeadLetter))).toBe(0);
  });
});
