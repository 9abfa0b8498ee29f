import type { IHeaders, Producer } from 'kafkajs';
import { DeadLetterHeader, oneLineReason } from './dead-letter.headers';

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
  consumerGroup?: string;
  attempts?: number;
}

export interface DeadLetterPublisher {
  readonly topic: string;
  publish(message: FailedMessage, details: DeadLetterDetails): Promise<void>;
}

/** Builds the dead-letter record: original bytes and headers, plus headers naming the failure. */
export function deadLetterRecord(message: FailedMessage, details: DeadLetterDetails, failedAt: Date) {
  const headers: IHeaders = {
    ...(message.headers ?? {}),
    [DeadLetterHeader.Reason]: oneLineReason(details.reason),
    [DeadLetterHeader.ErrorClass]: details.errorClass,
    [DeadLetterHeader.SourceTopic]: message.topic,
    [DeadLetterHeader.SourcePartition]: String(message.partition),
    [DeadLetterHeader.SourceOffset]: message.offset,
    [DeadLetterHeader.FailedAt]: failedAt.toISOString(),
  };
  if (details.consumerGroup) headers[DeadLetterHeader.ConsumerGroup] = details.consumerGroup;
  if (details.attempts !== undefined) headers[DeadLetterHeader.Attempts] = String(details.attempts);
  return { key: message.key, value: message.value, headers };
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
  };
}
