import type { Producer } from 'kafkajs';
import { toKafkaMessage, type OutgoingMessage, type SimulationTarget } from '../output/to-kafka-message';
import type { SimulationRecord } from '../stream/simulation-record';
import type { PlaybackClock } from './playback-clock';

export interface PlaybackProgress {
  predictions: number;
  labels: number;
  /** Messages acknowledged by the broker, per topic. */
  byTopic: Record<string, number>;
  /** Produce requests made. */
  sends: number;
}

export interface PlaybackResult extends PlaybackProgress {
  durationMs: number;
  /** True when the signal stopped playback before the stream ended. */
  aborted: boolean;
}

export interface PlaybackOptions {
  producer: Pick<Producer, 'sendBatch'>;
  target: SimulationTarget;
  topicPrefix?: string;
  /** Most messages per produce request. */
  batchSize: number;
  /** Longest a message waits for company before it is sent (pacing only). */
  lingerMs?: number;
  /**
   * Send each record when wall time has advanced as far as its event time has since
   * `streamStartMs`; without it, records go out as fast as the broker takes them.
   */
  pace?: { streamStartMs: number; clock: PlaybackClock };
  signal?: AbortSignal;
  onProgress?: (progress: Readonly<PlaybackProgress>) => void;
}

const DEFAULT_LINGER_MS = 20;

/**
 * Plays a stream to Kafka. kafkajs has no linger of its own, so messages are gathered here: a
 * batch goes out when it is full or when the next record is due more than `lingerMs` after the
 * batch opened. One `sendBatch` carries every topic of the batch. When the broker is slower than
 * the rate, records fall behind their due time and batches simply grow. On abort, the batch in
 * hand is still sent, so the final count is what the broker holds.
 */
export async function playToKafka(records: Iterable<SimulationRecord>, options: PlaybackOptions): Promise<PlaybackResult> {
  const clock = options.pace?.clock;
  const lingerMs = options.lingerMs ?? DEFAULT_LINGER_MS;
  const progress: PlaybackProgress = { predictions: 0, labels: 0, byTopic: {}, sends: 0 };
  const wallStart = clock?.now() ?? Date.now();
  let batch: { message: OutgoingMessage; kind: SimulationRecord['kind'] }[] = [];
  let batchOpenedAt = wallStart;

  const flush = async () => {
    if (batch.length === 0) return;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const { message } of batch) {
      const list = byTopic.get(message.topic) ?? [];
      list.push(message);
      byTopic.set(message.topic, list);
    }
    await options.producer.sendBatch({
      topicMessages: [...byTopic].map(([topic, messages]) => ({
        topic,
        messages: messages.map(({ key, value, headers }) => ({ key, value, headers })),
      })),
    });
    progress.sends++;
    for (const { message, kind } of batch) {
      progress.byTopic[message.topic] = (progress.byTopic[message.topic] ?? 0) + 1;
      if (kind === 'prediction') progress.predictions++;
      else progress.labels++;
    }
    batch = [];
    options.onProgress?.(progress);
  };

  let aborted = false;
  for (const record of records) {
    if (options.signal?.aborted) {
      aborted = true;
      break;
    }
    if (options.pace && clock) {
      const dueAt = wallStart + (Date.parse(record.event.timestamp) - options.pace.streamStartMs);
      if (dueAt > clock.now()) {
        if (batch.length > 0 && dueAt - batchOpenedAt > lingerMs) await flush();
        await clock.sleep(dueAt - clock.now(), options.signal);
        if (options.signal?.aborted) {
          aborted = true;
          break;
        }
      }
    }
    if (batch.length === 0) batchOpenedAt = clock?.now() ?? Date.now();
    batch.push({ message: toKafkaMessage(record, options.target, options.topicPrefix), kind: record.kind });
    if (batch.length >= options.batchSize) await flush();
  }
  await flush();
  return { ...progress, durationMs: (clock?.now() ?? Date.now()) - wallStart, aborted };
}
