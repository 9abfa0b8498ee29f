/**
 * Headers added to a dead-lettered message. The original key, value and headers are kept
 * byte for byte, so the message can be inspected and replayed to its source topic.
 */
export const DeadLetterHeader = {
  Reason: 'dlq_reason',
  ErrorClass: 'dlq_error_class',
  SourceTopic: 'dlq_source_topic',
  SourcePartition: 'dlq_source_partition',
  SourceOffset: 'dlq_source_offset',
  ConsumerGroup: 'dlq_consumer_group',
  FailedAt: 'dlq_failed_at',
  Attempts: 'dlq_attempts',
} as const;

/** Reasons are for humans and metrics labels: one line, bounded length. */
export const MAX_REASON_LENGTH = 1000;

export function oneLineReason(reason: string): string {
  const flat = reason.replace(/\s+/g, ' ').trim() || 'unknown error';
  return flat.length > MAX_REASON_LENGTH ? `${flat.slice(0, MAX_REASON_LENGTH - 1)}…` : flat;
}
