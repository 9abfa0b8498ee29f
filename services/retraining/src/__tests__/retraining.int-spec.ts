import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ModelRegisteredSchema, ModelRejectedSchema, Topic, topicName } from '@mlops/contracts';
import { createKafkaClient, ensureTopics, replayTopic, type ConsumedMessage } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import { FilesystemRegistry, ModelAlias, type ModelVersion } from '@mlops/registry';
import { freePort, registerTestModel, startServiceProcess, testBrokers, uniqueName, waitFor, type ServiceProcess } from '@mlops/testing';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { labeledEvents, retrainRequest } from './labeled-events';

// The retraining service as a real process, with a real broker, a real filesystem registry and
// real (small) tfjs trainings.
const logger = createLogger({ name: 'retraining-int-spec', level: 'warn' });
jest.setTimeout(300_000);
const HOUR = 3_600_000;

describe('retraining service process (filesystem registry)', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let root: string;
  let registry: FilesystemRegistry;
  let champion: ModelVersion;
  let service: ServiceProcess | undefined;
  const model = 'loan';

  beforeAll(async () => {
    kafka = createKafkaClient({ brokers: testBrokers(), clientId: 'retraining-int-spec', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 }, logger);
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer();
    await producer.connect();
    root = await mkdtemp(path.join(os.tmpdir(), 'retraining-int-'));
    registry = new FilesystemRegistry({ root: path.join(root, 'registry') });
    // A champion that learned the opposite rule: any sensible challenger beats it.
    champion = await registerTestModel(registry, model, { seed: 1, rows: 300, flip: true });
    await registry.setAlias(model, ModelAlias.Champion, champion.version);
  });

  afterEach(async () => {
    await service?.stop('SIGKILL');
    service = undefined;
  });

  afterAll(async () => {
    await producer.disconnect();
    await admin.disconnect();
    await rm(root, { recursive: true, force: true });
  });

  async function readAll(topic: string): Promise<ConsumedMessage[]> {
    const all: ConsumedMessage[] = [];
    await replayTopic({ kafka, topic, from: 'earliest', logger, handle: (ms) => void all.push(...ms) });
    return all;
  }

  it('answers a request once with one version whose lineage names it, survives restarts and duplicates, and rejects a window without data', async () => {
    const prefix = `${uniqueName('retraining')}.`;
    const t = (topic: Topic) => topicName(topic, prefix);
    await ensureTopics(admin, [Topic.RetrainRequests, Topic.PredictionsLabeled, Topic.ModelsRegistered, Topic.ModelsRejected, Topic.DeadLetter].map((topic) => ({ name: t(topic), partitions: 2 })), logger);
    const now = Date.now();
    const window = { from: now - 2 * HOUR, to: now - HOUR };
    await producer.send({ topic: t(Topic.PredictionsLabeled), messages: labeledEvents(model, 500, window.from, window.to, 11) });
    // Noise the window read must skip: another model, and the same model outside the window.
    await producer.send({ topic: t(Topic.PredictionsLabeled), messages: [...labeledEvents('other', 100, window.from, window.to, 12), ...labeledEvents(model, 50, window.to, now, 13)] });
    const start = async () => {
      service = startServiceProcess(
        'retraining',
        {
          KAFKA_BROKERS: testBrokers().join(','),
          KAFKA_TOPIC_PREFIX: prefix,
          KAFKA_TOPIC_PARTITIONS: '2',
          RETRAINING_GROUP_ID: `${prefix}retraining`,
          RETRAINING_SESSION_TIMEOUT_MS: '10000',
          REGISTRY_ROOT: path.join(root, 'registry'),
          RETRAINING_WORK_DIR: path.join(root, 'work'),
          RETRAINING_MIN_ROWS: '100',
          RETRAINING_MAX_EPOCHS: '20',
          RETRAINING_LEARNING_RATE: '0.02',
          LOG_LEVEL: 'warn',
        },
        await freePort(),
      );
      return service;
    };
    const registered = async () => (await readAll(t(Topic.ModelsRegistered))).map((m) => ModelRegisteredSchema.parse(JSON.parse(m.value!.toString())));
    const rejected = async () => (await readAll(t(Topic.ModelsRejected))).map((m) => ModelRejectedSchema.parse(JSON.parse(m.value!.toString())));

    let running = await start();
    await producer.send({ topic: t(Topic.RetrainRequests), messages: [retrainRequest('req-1', model, window)] });
    await waitFor(async () => (await registered()).length === 1, 'ModelRegistered for req-1', { timeoutMs: 120000, intervalMs: 500 });
    const [event] = await registered();
    expect(event).toMatchObject({ model, lineage: { requestId: 'req-1', parentVersion: champion.version }, comparison: { primaryMetric: 'accuracy', championVersion: champion.version, outperformsChampion: true } });
    expect(event.comparison.challenger).toBeGreaterThan(0.8);
    expect(event.comparison.champion).toBeLessThan(0.3);
    const stored = await registry.getVersion(model, event.version);
    expect(stored.lineage).toMatchObject({ requestId: 'req-1', dataWindow: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() } });
    expect(stored.lineage.kafkaOffsets?.map((o) => o.topic)).toEqual([t(Topic.PredictionsLabeled), t(Topic.PredictionsLabeled)]);
    expect(stored.params).toMatchObject({ rows: '500', trainRows: '400', holdoutRows: '100' });
    expect(stored.tags).toMatchObject({ trigger: 'drift_report', reason: 'concept_drift', report_ref: 'report-req-1' });
    expect(event.artifact.sha256).toBe(stored.artifact.sha256);
    expect(await registry.getBaselineProfile(model, event.version)).toMatchObject({ rows: 400 });

    // The same request again, then one for a window without data: only the second is answered.
    await producer.send({ topic: t(Topic.RetrainRequests), messages: [retrainRequest('req-1', model, window), retrainRequest('req-empty', model, { from: now - 10 * HOUR, to: now - 9 * HOUR })] });
    await waitFor(async () => (await rejected()).length === 1, 'ModelRejected for req-empty', { timeoutMs: 60000, intervalMs: 500 });
    expect((await rejected())[0]).toMatchObject({ model, requestId: 'req-empty', reason: 'insufficient_data', detail: expect.stringMatching(/^0 labeled row\(s\) in \[.*\); at least 100 are needed$/) });
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/mlops_retrain_outcomes_total\{model="loan",outcome="duplicate"\} 1/);
    expect(metrics).toMatch(/mlops_retrain_stage_seconds_count\{model="loan",stage="train"\} 1/);

    // Killed and restarted, it still knows req-1 was answered (read back from models.registered).
    await running.stop('SIGKILL');
    running = await start();
    await producer.send({ topic: t(Topic.RetrainRequests), messages: [retrainRequest('req-1', model, window), retrainRequest('req-empty-2', model, { from: now - 10 * HOUR, to: now - 9 * HOUR })] });
    await waitFor(async () => (await rejected()).length === 2, 'ModelRejected for req-empty-2', { timeoutMs: 90000, intervalMs: 500 });
    expect(await registered()).toHaveLength(1);
    expect((await registry.listVersions(model)).map((v) => v.lineage.requestId).filter((id) => id === 'req-1')).toHaveLength(1);
    expect(await readAll(t(Topic.DeadLetter))).toHaveLength(0);
  });
});
