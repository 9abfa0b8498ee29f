import { DeadLetterHeader } from '@mlops/contracts';
import { createLogger } from '@mlops/observability';
import { testBrokers, uniqueName, waitFor } from '@mlops/testing';
import { Admin, Kafka, Producer } from 'kafkajs';
import {
  createBatchConsumer,
  createDeadLetterPublisher,
  createIdempotentProducer,
  createKafkaClient,
  ensureTopics,
  PermanentError,
  RetriableError,
  BatchConsumer,
  ConsumedMessage,
} from '../index';

const logger = createLogger({ name: 'kafka-int-spec', level: 'warn' });

describe('libs/kafka against a real broker', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const running: BatchConsumer[] = [];

  beforeAll(async () => {
    kafka = createKafkaClient(
      { brokers: testBrokers(), clientId: 'kafka-int-spec', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 },
      logger,
    );
    admin = kafka.admin();
    await admin.connect();
    producer = createIdempotentProducer(kafka);
    await producer.connect();
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.stop()));
  });

  afterAll(async () => {
    await producer.disconnect();
    await admin.disconnect();
  });

  async function topics(partitions = 1) {
    const source = uniqueName('source');
    const dlq = uniqueName('dlq');
    await ensureTopics(
      admin,
      [
        { name: source, partitions },
        { name: dlq, partitions: 1 },
      ],
      logger,
    );
    return { source, dlq };
  }

  async function produce(topic: string, values: string[]) {
    // Many messages per send: kafkajs has no linger, so batching is the caller's job.
    await producer.send({ topic, messages: values.map((value, i) => ({ key: `k${i % 7}`, value })) });
  }

  function consumer(groupId: string, topic: string, dlq: string, handle: (m: ConsumedMessage) => Promise<void>, commitIntervalMs?: number) {
    const c = createBatchConsumer({
      commitIntervalMs,
      kafka,
      groupId,
      topics: [topic],
      fromBeginning: true,
      handle,
      deadLetter: createDeadLetterPublisher(producer, dlq),
      logger,
      retry: { initialMs: 10, maxMs: 50, maxAttempts: 3 },
    });
    running.push(c);
    return c;
  }

  async function readAll(topic: string, expected: number): Promise<ConsumedMessage[]> {
    const seen: ConsumedMessage[] = [];
    const reader = consumer(uniqueName('reader'), topic, uniqueName('unused'), async (m) => {
      seen.push(m);
    });
    await reader.start();
    await waitFor(() => seen.length >= expected, `${expected} messages on ${topic}`);
    await reader.stop();
    return seen;
  }

  it('creates topics idempotently, compacted where asked', async () => {
    const name = uniqueName('compacted');
    const first = await ensureTopics(admin, [{ name, partitions: 3, compacted: true, retentionMs: 3600000 }], logger);
    const second = await ensureTopics(admin, [{ name, partitions: 3, compacted: true }], logger);
    expect(first).toEqual({ created: [name], existing: [] });
    expect(second).toEqual({ created: [], existing: [name] });
    const metadata = await admin.fetchTopicMetadata({ topics: [name] });
    expect(metadata.topics[0].partitions).toHaveLength(3);
    const configs = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name }] });
    const entries = Object.fromEntries(configs.resources[0].configEntries.map((e) => [e.configName, e.configValue]));
    expect(entries['cleanup.policy']).toBe('compact');
    expect(entries['retention.ms']).toBe('3600000');
  });

  it('round-trips messages through produce and a batch consumer', async () => {
    const { source, dlq } = await topics(3);
    const values = Array.from({ length: 500 }, (_, i) => `message-${i}`);
    await produce(source, values);
    const received: string[] = [];
    await consumer(uniqueName('roundtrip'), source, dlq, async (m) => {
      received.push(m.value!.toString());
    }).start();
    await waitFor(() => received.length >= values.length, 'all 500 messages');
    expect(received.sort()).toEqual([...values].sort());
  });

  it('dead-letters a malformed message with its reason while the messages around it are processed', async () => {
    const { source, dlq } = await topics(1);
    const values = ['{"n":1}', '{"n":2}', 'not json at all', '{"n":4}', '{"n":5}'];
    await produce(source, values);
    const handled: number[] = [];
    await consumer(uniqueName('dlq'), source, dlq, async (m) => {
      try {
        handled.push(JSON.parse(m.value!.toString()).n);
      } catch (error) {
        throw new PermanentError(`invalid JSON: ${(error as Error).message}`);
      }
    }).start();
    await waitFor(() => handled.length >= 4, 'the four good messages');
    const [dead] = await readAll(dlq, 1);
    expect(handled).toEqual([1, 2, 4, 5]);
    expect(dead.value!.toString()).toBe('not json at all');
    expect(dead.headers[DeadLetterHeader.Reason]!.toString()).toMatch(/^invalid JSON/);
    expect(dead.headers[DeadLetterHeader.ErrorClass]!.toString()).toBe('PermanentError');
    expect(dead.headers[DeadLetterHeader.SourceTopic]!.toString()).toBe(source);
    expect(dead.headers[DeadLetterHeader.SourcePartition]!.toString()).toBe('0');
    expect(dead.headers[DeadLetterHeader.SourceOffset]!.toString()).toBe('2');
  });

  it('runs a chunk handler: outputs in one send per chunk, rejects dead-lettered, every offset committed', async () => {
    const { source, dlq } = await topics(2);
    const output = uniqueName('output');
    await ensureTopics(admin, [{ name: output, partitions: 1 }], logger);
    const total = 1000;
    await produce(source, Array.from({ length: total }, (_, i) => (i % 100 === 7 ? `bad-${i}` : String(i))));
    const groupId = uniqueName('chunks');
    let chunks = 0;
    const c = createBatchConsumer({
      kafka,
      groupId,
      topics: [source],
      fromBeginning: true,
      maxChunkSize: 200,
      deadLetter: createDeadLetterPublisher(producer, dlq),
      logger,
      handleBatch: async (messages) => {
        chunks++;
        const outcomes = messages.map((m) =>
          m.value!.toString().startsWith('bad') ? { status: 'rejected' as const, error: new PermanentError('not a number') } : { status: 'handled' as const },
        );
        const good = messages.filter((_, i) => outcomes[i].status === 'handled');
        await producer.send({ topic: output, messages: good.map((m) => ({ value: m.value })) });
        return outcomes;
      },
    });
    running.push(c);
    await c.start();
    await waitFor(async () => {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [source] });
      return committed.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0) === total;
    }, 'all offsets committed');
    const outOffsets = await admin.fetchTopicOffsets(output);
    const dlqOffsets = await admin.fetchTopicOffsets(dlq);
    expect(Number(outOffsets[0].high)).toBe(990);
    expect(Number(dlqOffsets[0].high)).toBe(10);
    expect(chunks).toBeLessThan(total / 10);
  });

  it('retries a retriable failure and then handles the message without dead-lettering it', async () => {
    const { source, dlq } = await topics(1);
    await produce(source, ['flaky']);
    let attempts = 0;
    const done: string[] = [];
    await consumer(uniqueName('retry'), source, dlq, async (m) => {
      attempts++;
      if (attempts < 3) throw new RetriableError('registry unavailable');
      done.push(m.value!.toString());
    }).start();
    await waitFor(() => done.length === 1, 'the retried message');
    expect(attempts).toBe(3);
    const offsets = await admin.fetchTopicOffsets(dlq);
    expect(offsets[0].high).toBe('0');
  });

  it.each([
    ['after every batch', undefined],
    ['on a 1 s timer (commitIntervalMs)', 1000],
  ])('resumes from the committed offset after a stop mid-stream (commits %s): no message is lost', async (_label, commitIntervalMs) => {
    const { source, dlq } = await topics(2);
    const total = 2000;
    await produce(source, Array.from({ length: total }, (_, i) => String(i)));
    const groupId = uniqueName('resume');
    const seen = new Map<string, number>();
    const count = async (m: ConsumedMessage) => {
      const v = m.value!.toString();
      seen.set(v, (seen.get(v) ?? 0) + 1);
      // Slow enough that the first consumer is stopped with most of the stream unread.
      if (seen.size % 50 === 0) await new Promise((r) => setTimeout(r, 20));
    };
    const first = consumer(groupId, source, dlq, count, commitIntervalMs);
    await first.start();
    await waitFor(() => seen.size >= 300, 'the first 300 messages');
    await first.stop();
    const afterStop = seen.size;
    expect(afterStop).toBeLessThan(total);

    await consumer(groupId, source, dlq, count, commitIntervalMs).start();
    await waitFor(() => seen.size === total, `all ${total} distinct messages`, { timeoutMs: 60000 });
    const duplicates = [...seen.values()].filter((n) => n > 1).length;
    // At-least-once: every message arrives; redelivery is limited to what was in hand at the stop.
    expect(seen.size).toBe(total);
    expect(duplicates).toBeLessThanOrEqual(1);
  });

  it('with commitIntervalMs, commits off the fetch path: never ahead of the handled outputs, and all of them once idle', async () => {
    const { source, dlq } = await topics(3);
    const output = uniqueName('output');
    await ensureTopics(admin, [{ name: output, partitions: 1 }], logger);
    const total = 3000;
    const groupId = uniqueName('timed');
    let produced = 0;
    const c = createBatchConsumer({
      kafka,
      groupId,
      topics: [source],
      fromBeginning: true,
      maxChunkSize: 100,
      commitIntervalMs: 200,
      partitionsConsumedConcurrently: 3,
      deadLetter: createDeadLetterPublisher(producer, dlq),
      logger,
      handleBatch: async (messages) => {
        await producer.send({ topic: output, messages: messages.map((m) => ({ value: m.value })) });
        produced += messages.length;
        await new Promise((r) => setTimeout(r, 5));
        return messages.map(() => ({ status: 'handled' as const }));
      },
    });
    running.push(c);
    const committedNow = async () => {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [source] });
      return committed.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    };
    await c.start();
    // Produced in steps, so commits are read while the consumer is busy.
    const samples: { committed: number; producedAfter: number }[] = [];
    for (let i = 0; i < total; i += 500) {
      await produce(source, Array.from({ length: 500 }, (_, j) => String(i + j)));
      for (let k = 0; k < 3; k++) {
        const committed = await committedNow();
        samples.push({ committed, producedAfter: produced });
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    // A commit read before `produced` was read can never exceed it: offsets follow outputs.
    for (const s of samples) expect(s.committed).toBeLessThanOrEqual(s.producedAfter);
    // Idle now: the timer commits the rest without any new message to trigger it.
    await waitFor(async () => (await committedNow()) === total, 'every offset committed while idle');
    expect(produced).toBe(total);
  });
});
