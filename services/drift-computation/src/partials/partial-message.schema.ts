import { ModelNameSchema, ModelVersionSchema } from '@mlops/contracts';
import { z } from 'zod';
import { ErrorSequenceJsonSchema } from '../detectors/error-sequence';

export const PARTIAL_MESSAGE_SCHEMA_VERSION = 1;

/** Which stream a partial comes from: predictions (profiles) or labeled predictions (performance). */
export const SOURCE_ROLES = ['predictions', 'labeled'] as const;
export type SourceRole = (typeof SOURCE_ROLES)[number];

const int = z.number().int();
const count = z.number().int().min(0);

/** One closed window of one model version on one source partition. */
export const PartialWindowSchema = z.strictObject({
  version: ModelVersionSchema,
  index: int,
  /** Event-time range of the window's events (ms). */
  minTimeMs: z.number(),
  maxTimeMs: z.number(),
  /** Events profiled (predictions) or labeled events measured (labeled). */
  rows: count,
  /** predictions: the WindowProfile (drift-stats profile JSON). */
  profile: z.unknown().optional(),
  /** labeled: ClassificationStats or RegressionStats JSON. */
  performance: z.unknown().optional(),
  /** labeled: the errors in offset order, for the streaming detectors (absent from older partials). */
  errors: ErrorSequenceJsonSchema.optional(),
});
export type PartialWindow = z.infer<typeof PartialWindowSchema>;

/**
 * What the instances owning source partitions tell the instance evaluating a model, on the
 * internal partials topic `<prefix><group>.partials` (keyed by model, so one model's partials stay in order):
 * - `partial`: the source partition has closed every window below `frontier`; `windows` are
 *   those of them that had events of the model (often none);
 * - `close`: the evaluator's own note that window `index` stops waiting for idle partitions
 *   (written to the log so a replay reaches the same decision).
 */
export const PartialMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    schemaVersion: z.literal(PARTIAL_MESSAGE_SCHEMA_VERSION),
    type: z.literal('partial'),
    model: ModelNameSchema,
    source: z.enum(SOURCE_ROLES),
    partition: count,
    frontier: int,
    windows: z.array(PartialWindowSchema),
  }),
  z.strictObject({
    schemaVersion: z.literal(PARTIAL_MESSAGE_SCHEMA_VERSION),
    type: z.literal('close'),
    model: ModelNameSchema,
    index: int,
    reason: z.literal('idle'),
  }),
]);
export type PartialMessage = z.infer<typeof PartialMessageSchema>;
export type PartialReport = Extract<PartialMessage, { type: 'partial' }>;
export type CloseNote = Extract<PartialMessage, { type: 'close' }>;
