import { z } from 'zod';
import { IDENTIFIER_PATTERN, MAX_MESSAGE_BYTES, MAX_REASON_LENGTH } from '../limits';
import { UtcDateTimeSchema } from '../schema-primitives';
import { MAX_TOPIC_NAME_LENGTH, TOPIC_NAME_PATTERN } from '../topics';

export const DEAD_LETTER_ENVELOPE_SCHEMA_VERSION = 1;
export const DEAD_LETTER_ENVELOPE_TYPE = 'io.mlops.dead_letter.v1';

/** Longest base64 text for a payload of MAX_MESSAGE_BYTES. */
const MAX_BASE64_LENGTH = Math.ceil(MAX_MESSAGE_BYTES / 3) * 4;
const Base64Schema = z.base64().max(MAX_BASE64_LENGTH);

/**
 * Why and where a message failed. On `dlq` these travel as headers (see DeadLetterHeader) next
 * to the original key, value and headers, kept byte for byte so the message can be replayed.
 */
export const DeadLetterMetadataSchema = z.strictObject({
  /** One line for humans and logs, e.g. `features.age: expected finite number`. */
  reason: z.string().min(1).max(MAX_REASON_LENGTH),
  /** The error's class or decode code, e.g. `SchemaViolationError`, `invalid_json`. */
  errorClass: z.string().min(1).max(128).regex(IDENTIFIER_PATTERN),
  sourceTopic: z.string().max(MAX_TOPIC_NAME_LENGTH).regex(TOPIC_NAME_PATTERN),
  sourcePartition: z.number().int().min(0),
  /** Kafka offsets are int64; kept as a decimal string, as kafkajs does. */
  sourceOffset: z.string().regex(/^\d{1,19}$/),
  consumerGroup: z.string().min(1).max(255).optional(),
  failedAt: UtcDateTimeSchema,
  /** Deliveries attempted before giving up (1 when the failure was not retriable). */
  attempts: z.number().int().min(1),
});
export type DeadLetterMetadata = z.infer<typeof DeadLetterMetadataSchema>;

/**
 * The same metadata plus the original message as base64, for sinks that need one
 * self-contained JSON document (an archive, an HTTP hook) instead of headers and raw bytes.
 * Unknown fields are rejected.
 */
export const DeadLetterEnvelopeSchema = z
  .strictObject({
    schemaVersion: z.literal(DEAD_LETTER_ENVELOPE_SCHEMA_VERSION),
    ...DeadLetterMetadataSchema.shape,
    /** Original key and value, base64; null when the original was null. */
    key: Base64Schema.nullable(),
    value: Base64Schema.nullable(),
    /** Original headers, each value base64. */
    headers: z.record(z.string().min(1).max(255), Base64Schema).optional(),
  })
  .meta({
    title: 'DeadLetterEnvelope',
    description: `A message that could not be processed, with why and where (CloudEvents type ${DEAD_LETTER_ENVELOPE_TYPE}). Unknown fields are rejected.`,
  });
export type DeadLetterEnvelope = z.infer<typeof DeadLetterEnvelopeSchema>;
