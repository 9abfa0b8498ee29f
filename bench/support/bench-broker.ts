import path from 'node:path';
import { createIdempotentProducer, IntervalCommitter } from '@mlops/kafka';

export interface BenchBroker {
  brokers: string;
  source: string;
  stop(): Promise<void>;
}

/** KAFKA_BROKERS if set, else the repo's local Apache Kafka (same as the integration tests). */
export async function benchBroker(): Promise<BenchBroker> {
  const fromEnv = process.env.KAFKA_BROKERS?.trim();
  if (fromEnv) return { brokers: fromEnv, source: 'KAFKA_BROKERS', stop: async () => undefined };
  const local = require(path.join(__dirname, '..', '..', 'tools', 'kafka', 'local-kafka.js')) as {
    KAFKA_VERSION: string;
    startLocalKafka(options?: { heap?: string }): Promise<{ brokers: string; stop(): Promise<void> }>;
  };
  const broker = await local.startLocalKafka({ heap: '1g' });
  return { brokers: broker.brokers, source: `local Apache Kafka ${local.KAFKA_VERSION}`, stop: broker.stop };
}

/** Total messages currently in a topic (sum of end − start offsets). */
export async function topicSize(admin: import('kafkajs').Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
}

/** Resolves when `topic` holds `count` messages; returns the time of the first and the last growth seen. */
export async function watchGrowth(
  admin: import('kafkajs').Admin,
  topic: string,
  count: number,
  timeoutMs: number,
): Promise<{ firstMs: number; lastMs: number }> {
  const deadline = Date.now() + timeoutMs;
  let firstMs = 0;
  for (;;) {
    const size = await topicSize(admin, topic);
    if (size > 0 && firstMs === 0) firstMs = Date.now();
    if (size >= count) return { firstMs, lastMs: Date.now() };
    if (Date.now() > deadline) throw new Error(`${topic} reached ${size} of ${count} messages in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** How the bare loop drives kafkajs; the defaults are kafkajs' own (what other benches compare against). */
export interface BareLoopOptions {
  /** 0 (default): kafkajs autoCommit, a commit after every batch before the next fetch; > 0: timed, off the fetch path. */
  commitIntervalMs?: number;
  /** kafkajs `partitionsConsumedConcurrently` (default 1). */
  partitionsConsumedConcurrently?: number;
  /** The services' producer (idempotent, one request in flight) instead of kafkajs' default one. */
  idempotent?: boolean;
}

/**
 * The practical limit every service bench compares against: a bare kafkajs `eachBatch` loop that
 * copies `source` to `sink` unchanged, `chunkSize` messages per produce request. Runs until stop().
 * Offsets are resolved after their chunk was produced, as in the services.
 */
export async function startBareLoop(
  kafka: import('kafkajs').Kafka,
  source: string,
  sink: string,
  chunkSize: number,
  options: BareLoopOptions = {},
): Promise<{ stop(): Promise<void> }> {
  const commitIntervalMs = options.commitIntervalMs ?? 0;
  const producer = options.idempotent ? createIdempotentProducer(kafka) : kafka.producer();
  await producer.connect();
  const consumer = kafka.consumer({ groupId: `${source}.bare` });
  let offsets: Pick<import('kafkajs').EachBatchPayload, 'commitOffsetsIfNecessary' | 'uncommittedOffsets'> | undefined;
  const committer =
    commitIntervalMs > 0
      ? new IntervalCommitter({
          intervalMs: commitIntervalMs,
          commit: async () => {
            if (offsets) await offsets.commitOffsetsIfNecessary(offsets.uncommittedOffsets());
          },
          onError: () => undefined,
        })
      : undefined;
  await consumer.connect();
  await consumer.subscribe({ topic: source, fromBeginning: true });
  await consumer.run({
    eachBatchAutoResolve: false,
    autoCommit: commitIntervalMs === 0,
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
    eachBatch: async (payload) => {
      const { batch, resolveOffset, heartbeat } = payload;
      offsets = payload;
      for (let i = 0; i < batch.messages.length; i += chunkSize) {
        const chunk = batch.messages.slice(i, i + chunkSize);
        await producer.send({ topic: sink, messages: chunk.map((m) => ({ key: m.key, value: m.value })) });
        resolveOffset(chunk[chunk.length - 1].offset);
        committer?.schedule();
        await heartbeat();
      }
    },
  });
  return {
    async stop() {
      await committer?.flush().catch(() => undefined);
      committer?.close();
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
