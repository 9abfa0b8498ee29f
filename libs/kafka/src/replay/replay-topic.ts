import { randomBytes } from 'node:crypto';
import type { StructuredLogger } from '@mlops/observability';
import type { Kafka } from 'kafkajs';
import type { ConsumedMessage } from '../consumer/consumed-message';

export interface ReplayOptions {
  kafka: Kafka;
  topic: string;
  /** Start of the replay: every message, or those with a timestamp at or after this (epoch ms). */
  from: 'earliest' | { timestampMs: number };
  /** Stop before these offsets (e.g. a group's committed offsets) instead of the current ends. */
  until?: { partition: number; offset: string }[];
  /** Called with each fetched batch, in offset order per partition. */
  handle: (messages: ConsumedMessage[]) => void | Promise<void>;
  logger: StructuredLogger;
  /** Give up if the end is not reached in this time (a stuck broker must not hang start-up). */
  timeoutMs?: number;
}

export interface ReplayResult {
  messages: number;
  durationMs: number;
}

/**
 * Reads a topic from a start point up to the end offsets it had when the replay began, then
 * stops. State that services keep in memory (dedupe windows, joins, the table of deployed
 * models) is rebuilt this way at start-up; Kafka is the source of truth.
 *
 * It uses a throw-away consumer group that never commits and is deleted afterwards, so it
 * neither disturbs nor is disturbed by the service's own groups, and every instance reads
 * every partition (broadcast).
 */
export async function replayTopic(options: ReplayOptions): Promise<ReplayResult> {
  const started = Date.now();
  const admin = options.kafka.admin();
  await admin.connect();
  const groupId = `replay.${options.topic}.${randomBytes(6).toString('hex')}`;
  const consumer = options.kafka.consumer({ groupId, allowAutoTopicCreation: false });
  try {
    const ends = await admin.fetchTopicOffsets(options.topic);
    const starts =
      options.from === 'earliest'
        ? ends.map((e) => ({ partition: e.partition, offset: e.low }))
        : await admin.fetchTopicOffsetsByTimestamp(options.topic, options.from.timestampMs);
    // Partitions still to read: start < end. `fetchTopicOffsetsByTimestamp` answers the end
    // offset when no message is that recent, or -1 on an empty partition.
    const endOf = new Map(ends.map((e) => [e.partition, BigInt(e.high)]));
    for (const limit of options.until ?? []) {
      const end = endOf.get(limit.partition);
      // A negative offset means "nothing committed": nothing to read on that partition.
      const bound = BigInt(limit.offset) < 0n ? 0n : BigInt(limit.offset);
      if (end !== undefined && bound < end) endOf.set(limit.partition, bound);
    }
    if (options.until) {
      const bounded = new Set(options.until.map((l) => l.partition));
      for (const partition of endOf.keys()) if (!bounded.has(partition)) endOf.set(partition, 0n);
    }
    const remaining = new Map<number, bigint>();
    const startOf = new Map<number, bigint>();
    for (const s of starts) {
      const end = endOf.get(s.partition) ?? 0n;
      const start = BigInt(s.offset) < 0n ? end : BigInt(s.offset);
      startOf.set(s.partition, start);
      if (start < end) remaining.set(s.partition, end);
    }
    let count = 0;
    if (remaining.size > 0) {
      await consumer.connect();
      await consumer.subscribe({ topic: options.topic, fromBeginning: true });
      let finish: () => void = () => undefined;
      let fail: (error: Error) => void = () => undefined;
      const done = new Promise<void>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
      const timer = setTimeout(
        () => fail(new Error(`replay of ${options.topic} did not reach the end within ${options.timeoutMs ?? 120000} ms`)),
        options.timeoutMs ?? 120000,
      );
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: true,
        eachBatch: async ({ batch }) => {
          const end = remaining.get(batch.partition);
          if (end === undefined) return;
          // A fetch may start before the seek takes effect: keep only [start, end).
          const start = startOf.get(batch.partition) ?? 0n;
          const messages = batch.messages
            .filter((m) => BigInt(m.offset) >= start && BigInt(m.offset) < end)
            .map((raw) => ({
              topic: batch.topic,
              partition: batch.partition,
              offset: raw.offset,
              key: raw.key,
              value: raw.value,
              headers: raw.headers ?? {},
              timestamp: raw.timestamp,
            }));
          if (messages.length > 0) {
            await options.handle(messages);
            count += messages.length;
          }
          const last = batch.messages[batch.messages.length - 1];
          if (last && BigInt(last.offset) + 1n >= end) {
            remaining.delete(batch.partition);
            if (remaining.size === 0) finish();
          }
        },
      });
      for (const s of starts) {
        if (remaining.has(s.partition)) consumer.seek({ topic: options.topic, partition: s.partition, offset: s.offset });
      }
      try {
        await done;
      } finally {
        clearTimeout(timer);
      }
    }
    const result = { messages: count, durationMs: Date.now() - started };
    options.logger.info('replayed topic', { topic: options.topic, ...result });
    return result;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
