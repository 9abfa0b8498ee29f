import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ModelRegisteredSchema, RetrainRequestSchema, Topic, topicName } from '@mlops/contracts';
import { createKafkaClient, ensureTopics, replayTopic, type ConsumedMessage } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import { FilesystemRegistry } from '@mlops/registry';
import { freePort, startServiceProcess, testBrokers, uniqueName, waitFor, type ServiceProcess } from '@mlops/testing';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { labeledEvents } from './labeled-events';

// A schedule (cron, UTC) makes the service emit a RetrainRequest like any other trigger; it is
// trained once and recorded as `schedule` in the version. Waits for the next whole minute.
const logger = createLogger({ name: 'retraining-schedule-int-spec', level: 'warn' });
jest.setTimeout(200_000);
const HOUR = 3_600_000;

describe('retraining schedule', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let root: string;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    kafka = createKafkaClient({ brokers: testBrokers(), clientId: 'retraining-schedule-int-spec', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 }, logger);
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer();
    await producer.connect();
    root = await mkdtemp(path.join(os.tmpdir(), 'retraining-schedule-int-'));
  });

  afterAll(async () => {
    await service?.stop('SIGKILL');
    await producer.disconnect();
    await admin.disconnect();
    await rm(root, { recursive: true, force: true });
  });

  async function readAll(topic: string): Promise<ConsumedMessage[]> {
    const all: ConsumedMessage[] = [];
    await replayTopic({ kafka, topic, from: 'earliest', logger, handle: (ms) => void all.push(...ms) });
    return all;
  }

  it('fires every minute with `* * * * *` and trains on the window before the tick', async () => {
    const model = 'scheduled';
    const prefix = `${uniqueName('retraining-schedule')}.`;
    const t = (topic: Topic) => topicName(topic, prefix);
    await ensureTopics(admin, [Topic.RetrainRequests, Topic.PredictionsLabeled, Topic.ModelsRegistered, Topic.ModelsRejected, Topic.DeadLetter].map((topic) => ({ name: t(topic), partitions: 2 })), logger);
    const now = Date.now();
    await producer.send({ topic: t(Topic.PredictionsLabeled), messages: labeledEvents(model, 300, now - 2 * HOUR, now - HOUR, 31) });
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
        RETRAINING_MAX_EPOCHS: '10',
        RETRAINING_SCHEDULES: `${model}=* * * * *`,
        RETRAINING_SCHEDULE_WINDOW_MS: String(3 * HOUR),
        LOG_LEVEL: 'warn',
      },
      await freePort(),
    );
    await waitFor(async () => (await readAll(t(Topic.ModelsRegistered))).length >= 1, 'a scheduled training', { timeoutMs: 150000, intervalMs: 1000 });
    const [request] = (await readAll(t(Topic.RetrainRequests))).map((m) => RetrainRequestSchema.parse(JSON.parse(m.value!.toString())));
    expect(request).toMatchObject({ model, reason: 'schedule', requestId: expect.stringMatching(/^schedule:scheduled:\d{8}T\d{4}00Z$/) });
    expect(Date.parse(request.dataWindow.to) - Date.parse(request.dataWindow.from)).toBe(3 * HOUR);
    const [event] = (await readAll(t(Topic.ModelsRegistered))).map((m) => ModelRegisteredSchema.parse(JSON.parse(m.value!.toString())));
    expect(event.lineage.requestId).toBe(request.requestId);
    const version = await new FilesystemRegistry({ root: path.join(root, 'registry') }).getVersion(model, event.version);
    expect(version.tags).toMatchObject({ trigger: 'schedule', reason: 'schedule' });
  });
});
