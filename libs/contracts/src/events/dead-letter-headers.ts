import { describeIssues } from '../event-issues';
import { MAX_REASON_LENGTH } from '../limits';
import { HeaderValidationError } from '../errors/header-validation.error';
import { readHeader, requireHeader, type KafkaHeaders } from '../kafka-headers';
import { DeadLetterMetadataSchema, type DeadLetterMetadata } from './dead-letter-envelope.schema';

/** Header names carrying DeadLetterMetadata on `dlq`; the `dlq_` prefix keeps them apart from the original headers. */
export const DeadLetterHeader = {
  Reason: 'dlq_reason',
  ErrorClass: 'dlq_error_class',
  SourceTopic: 'dlq_source_topic',
  SourcePartition: 'dlq_source_partition',
  SourceOffset: 'dlq_source_offset',
  ConsumerGroup: 'dlq_consumer_group',
  FailedAt: 'dlq_failed_at',
  Attempts: 'dlq_attempts',
} as const satisfies Record<string, string>;

const HEADER_OF: Record<keyof DeadLetterMetadata, string> = {
  reason: DeadLetterHeader.Reason,
  errorClass: DeadLetterHeader.ErrorClass,
  sourceTopic: DeadLetterHeader.SourceTopic,
  sourcePartition: DeadLetterHeader.SourcePartition,
  sourceOffset: DeadLetterHeader.SourceOffset,
  consumerGroup: DeadLetterHeader.ConsumerGroup,
  failedAt: DeadLetterHeader.FailedAt,
  attempts: DeadLetterHeader.Attempts,
};

/**
 * Reasons come from error messages of any length and shape; a header must be one bounded line.
 * Whitespace runs collapse to one space and the tail is cut with an ellipsis.
 */
export function oneLineReason(reason: string): string {
  const flat = reason.replace(/\s+/g, ' ').trim() || 'unknown error';
  return flat.length > MAX_REASON_LENGTH ? `${flat.slice(0, MAX_REASON_LENGTH - 1)}…` : flat;
}

/**
 * Headers to add to a dead-lettered message. The reason is flattened to one bounded line first,
 * so a long error message never makes dead-lettering itself fail; anything else invalid throws
 * HeaderValidationError (a bug in the caller).
 */
export function toDeadLetterHeaders(metadata: DeadLetterMetadata): Record<string, string> {
  const checked = validate({ ...metadata, reason: oneLineReason(metadata.reason) });
  const headers: Record<string, string> = {};
  for (const [field, header] of Object.entries(HEADER_OF) as [keyof DeadLetterMetadata, string][]) {
    const value = checked[field];
    if (value !== undefined) headers[header] = String(value);
  }
  return headers;
}

/** Reads DeadLetterMetadata back from a `dlq` message; throws HeaderValidationError naming the header. */
export function parseDeadLetterHeaders(headers: KafkaHeaders): DeadLetterMetadata {
  return validate({
    reason: requireHeader(headers, DeadLetterHeader.Reason),
    errorClass: requireHeader(headers, DeadLetterHeader.ErrorClass),
    sourceTopic: requireHeader(headers, DeadLetterHeader.SourceTopic),
    sourcePartition: toInteger(DeadLetterHeader.SourcePartition, requireHeader(headers, DeadLetterHeader.SourcePartition)),
    sourceOffset: requireHeader(headers, DeadLetterHeader.SourceOffset),
    consumerGroup: readHeader(headers, DeadLetterHeader.ConsumerGroup),
    failedAt: requireHeader(headers, DeadLetterHeader.FailedAt),
    attempts: toInteger(DeadLetterHeader.Attempts, requireHeader(headers, DeadLetterHeader.Attempts)),
  });
}

function validate(candidate: DeadLetterMetadata): DeadLetterMetadata {
  const parsed = DeadLetterMetadataSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0].path[0] as keyof DeadLetterMetadata;
  const [first] = describeIssues(parsed.error.issues, candidate);
  throw new HeaderValidationError(HEADER_OF[field] ?? 'dlq_*', 'invalid', first.message);
}

function toInteger(header: string, text: string): number {
  if (!/^\d{1,15}$/.test(text)) throw new HeaderValidationError(header, 'invalid', 'expected a non-negative integer');
  return Number(text);
}
