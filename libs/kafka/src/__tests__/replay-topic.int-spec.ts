import { createLogger } from '@mlops/observability';
import { testBrokers, uniqueName } from '@mlops/testing';
import { Admin, Kafka, Producer } from 'kafkajs';
import { createIdempotentProducer, createKafkaClient, ensureTopics, replayTopic } from '../index';

const logger = createLogger({ name: 'replay-int-spec', level: 'warn' });

describe('replayTopic against a real broker', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;

  beforeAll(async () => {
    kafka = createKafkaClient(
      { brokers: testBrokers(), clientId: 'replay-int-spec', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 },
      logger,
    );
    admin = kafka.admin();
    await admin.connect();
    producer = createIdempotentProducer(kafka);
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await admin.disconnect();
  });

  it('reads every message up to the end it saw at start, on every partition, then stops', async () => {
    const topic = uniqueName('replay');
    await ensureTopics(admin, [{ name: topic, partitions: 3 }], logger);
    await producer.send({ topic, messages: Array.from({ length: 600 }, (_, i) => ({ key: String(i % 11), value: String(i) })) });
    const seen: string[] = [];
    const result = await replayTopic({ kafka, topic, from: 'earliest', logger, handle: (ms) => void seen.push(...ms.map((m) => m.value!.toString())) });
    expect(result.messages).toBe(600);
    expect(new Set(seen).size).toBe(600);
    const groups = await admin.listGroups();
    expect(groups.groups.filter((g) => g.groupId.startsWith(`replay.${topic}`))).toEqual([]);
  });

  it('starts at a timestamp and returns at once on an empty range', async () => {
    const topic = uniqueName('replay-ts');
    await ensureTopics(admin, [{ name: topic, partitions: 2 }], logger);
    const t0 = Date.now() - 60000;
    await producer.send({ topic, messages: Array.from({ length: 50 }, (_, i) => ({ key: String(i), value: `old-${i}`, timestamp: String(t0) })) });
    await producer.send({ topic, messages: Array.from({ length: 30 }, (_, i) => ({ key: String(i), value: `new-${i}`, timestamp: String(t0 + 30000) })) });
    const seen: string[] = [];
    await replayTopic({ kafka, topic, from: { timestampMs: t0 + 10000 }, logger, handle: (ms) => void seen.push(...ms.map((m) => m.value!.toString())) });
    expect(seen.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `new-${i}`).sort());
    const none = await replayTopic({ kafka, topic, from: { timestampMs: Date.now() + 3600000 }, logger, handle: () => undefined });
    expect(none.messages).toBe(0);
  });
});
