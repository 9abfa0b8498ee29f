import { z } from 'zod';
import {
  IdentifierSchema,
  ModelNameSchema,
  ModelVersionSchema,
  ReasonDetailSchema,
  UtcDateTimeSchema,
} from '../schema-primitives';

export const MODEL_REJECTED_SCHEMA_VERSION = 1;
export const MODEL_REJECTED_TYPE = 'io.mlops.model.rejected.v1';

/** Why a retrain request produced no candidate; a closed set so it can label metrics. */
export const RejectionReasonSchema = z.enum([
  'insufficient_data',
  'training_failed',
  'evaluation_failed',
  'not_better_than_champion',
  /** Deployment: the artifact failed an integrity gate (checksum, load, or finite outputs on a sanity batch). */
  'gate_failed',
]);
export type RejectionReason = z.infer<typeof RejectionReasonSchema>;

/**
 * A retrain request that ended without a candidate for deployment (`models.rejected`, keyed by
 * model). Unknown fields are rejected.
 */
export const ModelRejectedSchema = z
  .strictObject({
    schemaVersion: z.literal(MODEL_REJECTED_SCHEMA_VERSION),
    model: ModelNameSchema,
    requestId: IdentifierSchema,
    reason: RejectionReasonSchema,
    detail: ReasonDetailSchema.optional(),
    /** The challenger's version when it got as far as the registry. */
    version: ModelVersionSchema.optional(),
    rejectedAt: UtcDateTimeSchema,
  })
  .meta({
    title: 'ModelRejected',
    description: `A retrain request that yielded no deployable model (CloudEvents type ${MODEL_REJECTED_TYPE}). Unknown fields are rejected.`,
  });
export type ModelRejected = z.infer<typeof ModelRejectedSchema>;
