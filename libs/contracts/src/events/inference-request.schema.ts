import { z } from 'zod';
import { eventTimeSchema, type EventClock } from '../event-time';
import { FeaturesSchema } from '../features';
import { IdentifierSchema, ModelNameSchema, ModelVersionSchema } from '../schema-primitives';

export const INFERENCE_REQUEST_SCHEMA_VERSION = 1;
export const INFERENCE_REQUEST_TYPE = 'io.mlops.inference.request.v1';

function inferenceRequestShape(clock?: EventClock) {
  return {
    schemaVersion: z.literal(INFERENCE_REQUEST_SCHEMA_VERSION),
    /** Idempotency key; the resulting PredictionEvent reuses it as its eventId. */
    requestId: IdentifierSchema,
    model: ModelNameSchema,
    /** Pins a version; absent means the current champion. */
    modelVersion: ModelVersionSchema.optional(),
    features: FeaturesSchema,
    entityId: IdentifierSchema.optional(),
    segment: IdentifierSchema.optional(),
    /** Event time; absent means the time the inference service reads the request. */
    timestamp: eventTimeSchema(clock).optional(),
  };
}

/** InferenceRequest with the future-time check; use it in the inference service. */
export function createInferenceRequestSchema(clock: EventClock) {
  return z.object(inferenceRequestShape(clock));
}

/**
 * A request to score features with the deployed model (`inference.requests`). Sent by clients,
 * so unknown top-level fields are stripped, as for PredictionEvent.
 */
export const InferenceRequestSchema = z.object(inferenceRequestShape()).meta({
  title: 'InferenceRequest',
  description: `A request to score one feature vector (CloudEvents type ${INFERENCE_REQUEST_TYPE}). Unknown fields are ignored.`,
});
export type InferenceRequest = z.output<typeof InferenceRequestSchema>;
export type InferenceRequestInput = z.input<typeof InferenceRequestSchema>;
