import type { StructuredLogger } from '@mlops/observability';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { BackoffPolicy, DEFAULT_BACKOFF } from '../connection/backoff';
import { retryUntilConnected } from '../connection/retry-until-connected';
import type { DeadLetterPublisher } from '../dead-letter/dead-letter.publisher';
import type { BatchHandler, ConsumedMessage, MessageHandler, MessageOutcome } from './consumed-message';
import { handleChunkWithRetry } from './handle-chunk-with-retry';
import { DEFAULT_RETRY, HandlingAborted, handleWithRetry, RetryPolicy } from './handle-with-retry';
import { BatchCommits } from './batch-commits';

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
  /**
   * When resolved offsets are committed. 0 (default): after every batch, before the next fetch
   * (kafkajs autoCommit), which puts an OffsetCommit round trip into every message's latency.
   * Above 0: in the background at most this many ms after a message was handled, and before a
   * stop, on a rebalance the handler sees and when a batch fails; fetching never waits for a
   * commit. Either way only offsets whose messages were handled (outputs produced) are
   * committed; a crash or a rebalance noticed between batches redelivers up to this window.
   */
  commitIntervalMs?: number;
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
 * (or within `commitIntervalMs`) and on shutdown. A restart resumes from the last committed
 * offset, so a crash can redeliver (handlers deduplicate) but never skips a message.
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
  const commits = new BatchCommits(options.commitIntervalMs ?? 0, logger, `consumer ${options.groupId}`);

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

  const eachMessageOf = async (payload: EachBatchPayload, handle: MessageHandler) => {
    const { batch, isRunning, isStale } = payload;
    const { resolveOffset, heartbeat } = commits.ofBatch(payload);
    for (const raw of batch.messages) {
      if (!isRunning() || isStale() || stopController.signal.aborted) break;
      const message = toConsumed(batch, raw);
      let outcome: MessageOutcome;
      try {
        outcome = await handleWithRetry(message, handle, deps());
      } catch (error) {
        if (error instanceof HandlingAborted) break;
        // The dead-letter send failed: leave the offset unresolved so the message is redelivered.
        await commits.commitNow('batch failed');
        throw error;
      }
      resolveOffset(raw.offset);
      options.onOutcome?.(outcome, message);
      await heartbeat();
    }
    if (stopController.signal.aborted) await commits.commitNow('stop');
  };

  const eachChunkOf = async (payload: EachBatchPayload, handleBatch: BatchHandler) => {
    const { batch, isRunning, isStale } = payload;
    const { resolveOffset, heartbeat } = commits.ofBatch(payload);
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
        await commits.commitNow('batch failed');
        throw error;
      }
      resolveOffset(raws[raws.length - 1].offset);
      const onOutcome = options.onOutcome;
      if (onOutcome) outcomes.forEach((outcome, i) => onOutcome(outcome, chunk[i]));
      await heartbeat();
    }
    if (stopController.signal.aborted) await commits.commitNow('stop');
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
      commits.forgetRun();
      if (!payload.restart && !stopController.signal.aborted) {
        state = 'crashed';
        restarting = restartAfterCrash(instance);
      }
    });
    consumer = instance;
    commits.startRun();
    await instance.connect();
    try {
      for (const topic of options.topics) await instance.subscribe({ topic, fromBeginning: options.fromBeginning ?? false });
      await instance.run({
        eachBatchAutoResolve: false,
        autoCommit: commits.autoCommit,
        eachBatch,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
      });
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
        // Timed commits: what was handled before the stop is committed while the member is still in
        // the group; the batch in hand commits its own part when it sees the stop.
        await commits.commitNow('stop');
        // disconnect() stops the fetch loop and waits for the batch in hand (with autoCommit, it
        // commits resolved offsets after it).
        await consumer.disconnect();
      }
      commits.close();
      state = 'stopped';
      logger.info('consumer stopped');
    },
  };
}
