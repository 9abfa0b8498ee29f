import { LineageSchema, MAX_TOPIC_NAME_LENGTH, TOPIC_NAME_PATTERN } from '@mlops/contracts';
import { z } from 'zod';

/** Kafka offsets are int64: carried as decimal strings, as kafkajs does, so none is rounded. */
const OffsetSchema = z.string().regex(/^(0|[1-9][0-9]{0,18})$/, 'expected a non-negative integer as a decimal string');

/** The records of one partition a training read: `[fromOffset, toOffset)`. */
export const KafkaOffsetRangeSchema = z
  .strictObject({
    topic: z.string().max(MAX_TOPIC_NAME_LENGTH).regex(TOPIC_NAME_PATTERN),
    partition: z.number().int().min(0),
    fromOffset: OffsetSchema,
    toOffset: OffsetSchema,
  })
  .refine((r) => BigInt(r.fromOffset) <= BigInt(r.toOffset), { message: 'fromOffset must not exceed toOffset', path: ['toOffset'] });
export type KafkaOffsetRange = z.infer<typeof KafkaOffsetRangeSchema>;

/**
 * Where a version came from: the ModelRegistered event's lineage (parent version, retrain
 * request, training data window) plus the exact Kafka offsets read, so a training can be replayed.
 */
export const VersionLineageSchema = LineageSchema.extend({
  kafkaOffsets: z.array(KafkaOffsetRangeSchema).max(10_000).optional(),
});
export type VersionLineage = z.infer<typeof VersionLineageSchema>;
