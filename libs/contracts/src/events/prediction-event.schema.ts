import { z } from 'zod';
import { eventTimeSchema, type EventClock } from '../event-time';
import { FeaturesSchema } from '../features';
import { decodeEvent, parseEvent, type DecodeResult } from '../parse-event';
import { acceptPredictionEvent } from './prediction-event.fast-path';
import {
  IdentifierSchema,
  LabelValueSchema,
  ModelNameSchema,
  ModelVersionSchema,
  ProbabilitiesSchema,
} from '../schema-primitives';

export const PREDICTION_EVENT_SCHEMA_VERSION = 1;
export const PREDICTION_EVENT_TYPE = 'io.mlops.prediction.v1';

/**
 * What the model answered: a number (regression or a raw score), a class label (string or
 * boolean), or a label with its score and per-class probabilities.
 */
export const PredictionValueSchema = z.union([
  ...LabelValueSchema.options,
  z.object({
    label: LabelValueSchema,
    score: z.number().optional(),
    probabilities: ProbabilitiesSchema.optional(),
  }),
]);
export type PredictionValue = z.infer<typeof PredictionValueSchema>;

/** Field definitions shared with LabeledPredictionEvent, parameterised by the event-time rule. */
export function predictionEventShape(clock?: EventClock) {
  return {
    schemaVersion: z.literal(PREDICTION_EVENT_SCHEMA_VERSION),
    /** Unique per prediction; ingestion dedupes on it and labels join on it. */
    eventId: IdentifierSchema,
    model: ModelNameSchema,
    /** Absent when the producer does not know it; drift then uses the deployed version. */
    modelVersion: ModelVersionSchema.optional(),
    /** Event time (when the prediction was made), normalised to UTC ISO-8601. */
    timestamp: eventTimeSchema(clock),
    features: FeaturesSchema,
    prediction: PredictionValueSchema,
    /** The business entity (customer, loan); labels may join on it instead of eventId. */
    entityId: IdentifierSchema.optional(),
    /** A slice for per-segment monitoring (region, channel). */
    segment: IdentifierSchema.optional(),
    /** Time the model took, as the producer measured it. */
    latencyMs: z.number().min(0).optional(),
  };
}

/**
 * Builds the PredictionEvent schema that rejects event times more than 5 minutes ahead of
 * `clock.now()`. Use it where events enter the system (ingestion, inference).
 *
 * Unknown top-level fields are stripped, not rejected: external producers may send a newer
 * shape or extra context, and that must not dead-letter their predictions. The stripped fields
 * are not forwarded.
 */
export function createPredictionEventSchema(clock: EventClock) {
  return z.object(predictionEventShape(clock));
}

/**
 * PredictionEvent (`predictions.raw` from producers, `predictions` once validated) without the
 * future-time check: for inferred types, the JSON Schema, and re-reading `predictions`.
 */
export const PredictionEventSchema = z.object(predictionEventShape()).meta({
  title: 'PredictionEvent',
  description: `One model prediction (CloudEvents type ${PREDICTION_EVENT_TYPE}). Unknown fields are ignored.`,
});
export type PredictionEvent = z.output<typeof PredictionEventSchema>;
/** What a producer may send: the timestamp may still be epoch milliseconds. */
export type PredictionEventInput = z.input<typeof PredictionEventSchema>;

/** Validates an in-memory PredictionEvent at the edge, rejecting times more than 5 minutes after `clock.now()`. */
export function parsePredictionEvent(input: unknown, clock: EventClock): DecodeResult<PredictionEvent> {
  return parseEvent(createPredictionEventSchema(clock), input);
}

/**
 * Decodes PredictionEvent message values (see `decodeEvent`) against one schema built here,
 * once: zod compiles an object schema's parser on first use, so building one per batch pays
 * that every time. Well-formed events take the hand-written `acceptPredictionEvent` path, which
 * returns what the schema would; anything else gets the schema's full verdict and reasons.
 * With a clock (`predictions.raw`), it is read at every decode, so a caller can move it between
 * batches; without one (re-reading `predictions`), there is no future-time check.
 */
export function createPredictionEventDecoder(clock?: EventClock): (bytes: Buffer | Uint8Array | string | null | undefined) => DecodeResult<PredictionEvent> {
  const schema = clock ? createPredictionEventSchema(clock) : PredictionEventSchema;
  const accept = (json: unknown) => acceptPredictionEvent(json, clock);
  return (bytes) => decodeEvent(schema, bytes, { accept });
}
