import { randomBytes } from 'node:crypto';
import type { ConsumedMessage } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import type { Kafka } from 'kafkajs';

/** Offsets `[fromOffset, toOffset)` of one partition. */
export interface PartitionRange {
  partition: number;
  fromOffset: bigint;
  toOffset: bigint;
}

export interface ReplayRangesOptions {
  kafka: Kafka;
  topic: string;
  ranges: readonly PartitionRange[];
  /** Called with each batch of one partition, in offset order. */
  handle: (messages: ConsumedMessage[]) => void | Promise<void>;
  logger: StructuredLogger;
  timeoutMs?: number;
}

/**
 * Reads exact offset ranges of some partitions and stops: how this service rebuilds the state
 * of one partition (after a restart or when a partition moves here) without reading the others.
 * Like `replayTopic` of libs/kafka, with explicit start offsets: a throw-away group that never
 * commits and is deleted afterwards; partitions without a range start at the end, so they cost
 * nothing. Ranges are clamped to what the broker still holds.
 */
export async function replayPartitionRanges(options: ReplayRangesOptions): Promise<{ messages: number; durationMs: number }> {
  const started = Date.now();
  const admin = options.kafka.admin();
  await admin.connect();
  const groupId = `replay.${options.topic}.${randomBytes(6).toString('hex')}`;
  const consumer = options.kafka.consumer({ groupId, allowAutoTopicCreation: false });
  let count = 0;
  try {
    const held = new Map((await admin.fetchTopicOffsets(options.topic)).map((o) => [o.partition, { low: BigInt(o.low), high: BigInt(o.high) }]));
    const remaining = new Map<number, { from: bigint; to: bigint }>();
    for (const range of options.ranges) {
      const bounds = held.get(range.partition);
      if (!bounds) continue;
      const from = range.fromOffset > bounds.low ? range.fromOffset : bounds.low;
      const to = range.toOffset < bounds.high ? range.toOffset : bounds.high;
      if (from < to) remaining.set(range.partition, { from, to });
    }
    if (remaining.size > 0) {
      const starts = new Map(remaining);
      await consumer.connect();
      await consumer.subscribe({ topic: options.topic, fromBeginning: false });
      let finish: () => void = () => undefined;
      let fail: (error: Error) => void = () => undefined;
      const done = new Promise<void>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
      const timeoutMs = options.timeoutMs ?? 300_000;
      const timer = setTimeout(() => fail(new Error(`replay of ${options.topic} did not finish within ${timeoutMs} ms`)), timeoutMs);
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: true,
        eachBatch: async ({ batch }) => {
          const range = remaining.get(batch.partition);
          if (!range) return;
          const messages: ConsumedMessage[] = [];
          for (const raw of batch.messages) {
            const offset = BigInt(raw.offset);
            if (offset < range.from || offset >= range.to) continue;
            messages.push({ topic: batch.topic, partition: batch.partition, offset: raw.offset, key: raw.key, value: raw.value, headers: raw.headers ?? {}, timestamp: raw.timestamp });
          }
          if (messages.length > 0) {
            await options.handle(messages);
            count += messages.length;
          }
          const last = batch.messages[batch.messages.length - 1];
          if (last && BigInt(last.offset) + 1n >= range.to) {
            remaining.delete(batch.partition);
            if (remaining.size === 0) finish();
          }
        },
      });
      for (const [partition, { from }] of starts) consumer.seek({ topic: options.topic, partition, offset: from.toString() });
      try {
        await done;
      } finally {
        clearTimeout(timer);
      }
    }
    const result = { messages: count, durationMs: Date.now() - started };
    options.logger.debug('replayed partition ranges', { topic: options.topic, partitions: options.ranges.map((r) => r.partition), ...result });
    return result;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

/** The first offset of each partition with a broker timestamp at or after `timestampMs` (the end when none). */
export async function offsetsAtTime(kafka: Kafka, topic: string, timestampMs: number): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [byTime, ends] = await Promise.all([admin.fetchTopicOffsetsByTimestamp(topic, timestampMs), admin.fetchTopicOffsets(topic)]);
    const endOf = new Map(ends.map((e) => [e.partition, BigInt(e.high)]));
    return new Map(byTime.map((o) => [o.partition, BigInt(o.offset) < 0n ? (endOf.get(o.partition) ?? 0n) : BigInt(o.offset)]));
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** A consumer group's committed offsets on a topic (partitions without a commit are left out). */
export async function committedOffsets(kafka: Kafka, groupId: string, topic: string): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map((committed?.partitions ?? []).filter((p) => BigInt(p.offset) >= 0n).map((p) => [p.partition, BigInt(p.offset)]));
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Partition count of a topic. */
export async function partitionCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    return metadata.topics[0]?.partitions.length ?? 0;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
