import { z } from 'zod';
import { LabelValueSchema, UtcDateTimeSchema } from '../schema-primitives';
import { predictionEventShape } from './prediction-event.schema';

export const LABELED_PREDICTION_EVENT_SCHEMA_VERSION = 1;
export const LABELED_PREDICTION_EVENT_TYPE = 'io.mlops.prediction.labeled.v1';

/**
 * A validated prediction joined with its ground truth, written by ingestion to
 * `predictions.labeled`; performance drift and retraining read it.
 *
 * Written only by our services, so unknown fields are rejected (strict): one means a producer
 * and a consumer disagree on the contract, which must surface, not be silently dropped.
 */
export const LabeledPredictionEventSchema = z
  .strictObject({
    ...predictionEventShape(),
    // Versioned on its own: the labeled shape may change without the prediction changing.
    schemaVersion: z.literal(LABELED_PREDICTION_EVENT_SCHEMA_VERSION),
    label: LabelValueSchema,
    /** Event time of the label, UTC. */
    labelTimestamp: UtcDateTimeSchema,
  })
  .meta({
    title: 'LabeledPredictionEvent',
    description: `A prediction joined with its label (CloudEvents type ${LABELED_PREDICTION_EVENT_TYPE}). Unknown fields are rejected.`,
  });
export type LabeledPredictionEvent = z.output<typeof LabeledPredictionEventSchema>;
