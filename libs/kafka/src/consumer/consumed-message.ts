import type { IHeaders } from 'kafkajs';

/** One record as a handler sees it: raw bytes, so each handler decodes (and rejects) on its own terms. */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
  /** Broker or producer timestamp, epoch ms as a string (kafkajs' representation). */
  timestamp: string;
}

export type MessageHandler = (message: ConsumedMessage) => Promise<void>;

export type MessageOutcome = 'handled' | 'dead_lettered';

/** What a batch handler says about each message it was given, in the same order. */
export type BatchItemOutcome = { status: 'handled' } | { status: 'rejected'; error: unknown };

/**
 * Handles a chunk of messages at once (e.g. validates each, then produces every output in one
 * request). Per-message problems are returned as `rejected` and dead-lettered; a throw means the
 * whole chunk failed and is retried (RetriableError) or dead-lettered entirely. A handler that
 * throws must leave no side effect behind, so that the retry sees the chunk as new.
 */
export type BatchHandler = (messages: ConsumedMessage[]) => Promise<BatchItemOutcome[]>;
