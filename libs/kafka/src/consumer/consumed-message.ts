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
