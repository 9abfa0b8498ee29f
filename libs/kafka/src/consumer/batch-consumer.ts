import type { StructuredLogger } from '@mlops/observability';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { BackoffPolicy, DEFAULT_BACKOFF } from '../connection/backoff';
import { retryUntilConnected } from '../connection/retry-until-connected';
import type { DeadLetterPublisher } from '../dead-letter/dead-letter.publisher';
import type { BatchHandler, ConsumedMessage, MessageHandler, MessageOutcome } from './consumed-message';
import { handleChunkWithRetry } from './handle-chunk-with-retry';
import { DEFAULT_RETRY, HandlingAborted, handleWithRetry, RetryPolicy } from './handle-with-retry';

export interface BatchConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  /** Where a new group starts: the earliest offset (true) or only new messages (false, default). */
  fromBeginning?: boolean;
  /** Either a per-message handler ... */
  handle?: MessageHandler;
  /** ... or a chunk handler, for handlers that produce their outputs in one request. */
  handleBatch?: BatchHandler;
  /** Largest chunk given to `handleBatch` (kafkajs batches can hold thousands of messages). */
  maxChunkSize?: number;
  /**
   * Partitions handled at once (default 1). Above 1, a slow partition no longer delays the
   * others (lower latency); only for handlers whose state is safe under interleaving.
   */
  partitionsConsumedConcurrently?: number;
  deadLetter: DeadLetterPublisher;
  logger: StructuredLogger;
  retry?: Partial<RetryPolicy>;
  reconnectBackoff?: BackoffPolicy;
  sessionTimeoutMs?: number;
  /** Called once per message after its offset is resolved; for metrics. */
  onOutcome?: (outcome: MessageOutcome, message: ConsumedMessage) => void;
}

export type ConsumerState = 'idle' | 'connecting' | 'running' | 'crashed' | 'stopping' | 'stopped';

export interface BatchConsumer {
  readonly groupId: string;
  readonly state: ConsumerState;
  /** Connects (retrying with back-off until it succeeds or stop() is called), subscribes and runs. */
  start(): Promise<void>;
  /** Stops fetching, lets the message in hand finish, commits resolved offsets, disconnects. */
  stop(): Promise<void>;
}

/**
 * A consumer built on kafkajs `eachBatch` for at-least-once processing: an offset is resolved
 * only after its message was handled or safely dead-lettered, and committed after each batch
 * and on shutdown. A restart resumes from the last committed offset, so a crash can redeliver
 * (handlers deduplicate) but never skips a message.
 */
export function createBatchConsumer(options: BatchConsumerOptions): BatchConsumer {
  if (options.topics.length === 0) throw new Error(`consumer ${options.groupId}: at least one topic is required`);
  if (Boolean(options.handle) === Boolean(options.handleBatch)) {
    throw new Error(`consumer ${options.groupId}: give exactly one of handle and handleBatch`);
  }
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const logger = options.logger.child({ groupId: options.groupId });
  const stopController = new AbortController();
  let state: ConsumerState = 'idle';
  let consumer: Consumer | undefined;
  let restarting: Promise<void> | undefined;

  const toConsumed = (batch: EachBatchPayload['batch'], raw: EachBatchPayload['batch']['messages'][number]): ConsumedMessage => ({
    topic: batch.topic,
    partition: batch.partition,
    offset: raw.offset,
    key: raw.key,
    value: raw.value,
    headers: raw.headers ?? {},
    timestamp: raw.timestamp,
  });
  const deps = () => ({ deadLetter: options.deadLetter, retry, logger, signal: stopController.signal, groupId: options.groupId });

  const eachMessageOf = async ({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload, handle: MessageHandler) => {
    for (const raw of batch.messages) {
      if (!isRunning() || isStale() || stopController.signal.aborted) break;
      const message = toConsumed(batch, raw);
      let outcome: MessageOutcome;
      try {
        outcome = await handleWithRetry(message, handle, deps());
      } catch (error) {
        if (error instanceof HandlingAborted) break;
        // The dead-letter send failed: leave the offset unresolved so the message is redelivered.
        throw error;
      }
      resolveOffset(raw.offset);
      options.onOutcome?.(outcome, message);
      await heartbeat();
    }
  };

  const eachChunkOf = async ({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload, handleBatch: BatchHandler) => {
    const size = options.maxChunkSize ?? 500;
    for (let start = 0; start < batch.messages.length; start += size) {
      if (!isRunning() || isStale() || stopController.signal.aborted) break;
      const raws = batch.messages.slice(start, start + size);
      const chunk = raws.map((raw) => toConsumed(batch, raw));
      let outcomes: MessageOutcome[];
      try {
        outcomes = await handleChunkWithRetry(chunk, handleBatch, deps());
      } catch (error) {
        if (error instanceof HandlingAborted) break;
        throw error;
      }
      resolveOffset(raws[raws.length - 1].offset);
      const onOutcome = options.onOutcome;
      if (onOutcome) outcomes.forEach((outcome, i) => onOutcome(outcome, chunk[i]));
      await heartbeat();
    }
  };

  const { handle, handleBatch } = options;
  const eachBatch = (payload: EachBatchPayload) =>
    handleBatch ? eachChunkOf(payload, handleBatch) : eachMessageOf(payload, handle as MessageHandler);

  const run = async () => {
    const instance = options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30000,
      allowAutoTopicCreation: false,
    });
    instance.on(instance.events.CRASH, ({ payload }) => {
      logger.error('consumer crashed', { error: payload.error.message, willRestart: payload.restart });
      if (!payload.restart && !stopController.signal.aborted) {
        state = 'crashed';
        restarting = restartAfterCrash(instance);
      }
    });
    consumer = instance;
    await instance.connect();
    try {
      for (const topic of options.topics) await instance.subscribe({ topic, fromBeginning: options.fromBeginning ?? false });
      await instance.run({ eachBatchAutoResolve: false, autoCommit: true, eachBatch, partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1 });
    } catch (error) {
      await instance.disconnect().catch(() => undefined);
      throw error;
    }
    state = 'running';
    logger.info('consumer running', { topics: options.topics });
  };

  const connectLoop = async () => {
    state = 'connecting';
    const ok = await retryUntilConnected(`consumer ${options.groupId}`, run, {
      logger,
      signal: stopController.signal,
      backoff: options.reconnectBackoff ?? DEFAULT_BACKOFF,
    });
    if (!ok && state === 'connecting') state = 'stopped';
  };

  // kafkajs gives up on non-retriable errors; start a fresh consumer from the committed offsets.
  const restartAfterCrash = async (crashed: Consumer) => {
    await crashed.disconnect().catch(() => undefined);
    if (!stopController.signal.aborted) await connectLoop();
  };

  return {
    groupId: options.groupId,
    get state() {
      return state;
    },
    start: connectLoop,
    async stop() {
      if (state === 'stopped') return;
      state = 'stopping';
      stopController.abort();
      await restarting?.catch(() => undefined);
      if (consumer) {
        // disconnect() stops the fetch loop, waits for the batch in hand and commits resolved offsets.
        await consumer.disconnect();
      }
      state = 'stopped';
      logger.info('consumer stopped');
    },
  };
}
