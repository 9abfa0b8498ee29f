import { toDeadLetterHeaders } from '@mlops/contracts';
import type { IHeaders, Producer } from 'kafkajs';

export interface FailedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: IHeaders;
}

export interface DeadLetterDetails {
  reason: string;
  errorClass: string;
  attempts: number;
  consumerGroup?: string;
}

export interface DeadLetterPublisher {
  readonly topic: string;
  publish(message: FailedMessage, details: DeadLetterDetails): Promise<void>;
  /** Several failures in one produce request (a batch handler's rejects). */
  publishMany(failures: { message: FailedMessage; details: DeadLetterDetails }[]): Promise<void>;
}

/**
 * The dead-letter record: the original key, value and headers byte for byte (so it can be
 * inspected and replayed to its source topic), plus the `dlq_*` headers of libs/contracts.
 */
export function deadLetterRecord(message: FailedMessage, details: DeadLetterDetails, failedAt: Date) {
  const headers: IHeaders = {
    ...(message.headers ?? {}),
    ...toDeadLetterHeaders({
      reason: details.reason,
      errorClass: safeErrorClass(details.errorClass),
      sourceTopic: message.topic,
      sourcePartition: message.partition,
      sourceOffset: message.offset,
      consumerGroup: details.consumerGroup,
      failedAt: failedAt.toISOString(),
      attempts: details.attempts,
    }),
  };
  return { key: message.key, value: message.value, headers };
}

/** An error's class name as a header value that always validates: a bad name must never block dead-lettering. */
export function safeErrorClass(name: string): string {
  return name.replace(/[^\x21-\x7e]/g, '_').slice(0, 128) || 'Error';
}

/**
 * Republishes failed messages to the dead-letter topic. The send must succeed before the
 * caller commits the source offset: if it throws, the message is redelivered, never lost.
 */
export function createDeadLetterPublisher(producer: Producer, topic: string, clock: () => Date = () => new Date()): DeadLetterPublisher {
  return {
    topic,
    async publish(message, details) {
      await producer.send({ topic, messages: [deadLetterRecord(message, details, clock())] });
    },
    async publishMany(failures) {
      if (failures.length === 0) return;
      const at = clock();
      await producer.send({ topic, messages: failures.map((f) => deadLetterRecord(f.message, f.details, at)) });
    },
  };
}
