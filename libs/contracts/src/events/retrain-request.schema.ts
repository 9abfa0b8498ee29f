import { z } from 'zod';
import {
  DataWindowSchema,
  IdentifierSchema,
  ModelNameSchema,
  ReasonDetailSchema,
  UtcDateTimeSchema,
} from '../schema-primitives';

export const RETRAIN_REQUEST_SCHEMA_VERSION = 1;
export const RETRAIN_REQUEST_TYPE = 'io.mlops.retrain.request.v1';

/**
 * Why retraining was asked for. A closed set because it is the `reason` label of
 * `mlops_retrain_requests_total`; free text goes to `detail`. A scheduled run is a request too,
 * so every trained model has a requestId in its lineage.
 */
export const RetrainReasonSchema = z.enum(['data_drift', 'prediction_drift', 'concept_drift', 'schedule', 'manual']);
export type RetrainReason = z.infer<typeof RetrainReasonSchema>;

/**
 * A request to train a challenger on `retrain.requests`, keyed by model. `requestId` is the
 * idempotency key: retraining handles a given id at most once, so replays and duplicate
 * deliveries are harmless. Unknown fields are rejected (control plane, our services only).
 */
export const RetrainRequestSchema = z
  .strictObject({
    schemaVersion: z.literal(RETRAIN_REQUEST_SCHEMA_VERSION),
    requestId: IdentifierSchema,
    model: ModelNameSchema,
    reason: RetrainReasonSchema,
    detail: ReasonDetailSchema.optional(),
    /** reportId of the DriftReport that triggered the request, when one did. */
    reportRef: IdentifierSchema.optional(),
    /** Event-time range of `predictions.labeled` to train on. */
    dataWindow: DataWindowSchema,
    requestedAt: UtcDateTimeSchema,
  })
  .meta({
    title: 'RetrainRequest',
    description: `Ask for a challenger to be trained (CloudEvents type ${RETRAIN_REQUEST_TYPE}). Unknown fields are rejected.`,
  });
export type RetrainRequest = z.infer<typeof RetrainRequestSchema>;
