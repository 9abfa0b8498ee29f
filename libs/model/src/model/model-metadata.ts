import { z } from 'zod';
import { DataWindowSchema, LabelValueSchema } from '@mlops/contracts';
import { BACKEND_NAMES } from '../backend/backend-name';
import { FEATURE_TYPES } from '../schema/feature-schema';
import { TASKS } from '../target/target-encoding';
import { TrainingOptionsSchema } from '../training/training-options';

export const MODEL_FORMAT = 'mlops.model.tabular-mlp';
export const MODEL_FORMAT_VERSION = 1;

/** Finite metric values by name (`accuracy`, `f1`, `roc_auc`, `log_loss`, `mae`, `rmse`, `r2`). */
export const ModelMetricsSchema = z.record(z.string(), z.number());

/**
 * `metadata.json`: what a saved model is and how it was made. Read back with this schema, so a
 * file from another tool or a future format is refused with the field that does not fit.
 */
export const ModelMetadataSchema = z.strictObject({
  format: z.literal(MODEL_FORMAT),
  formatVersion: z.literal(MODEL_FORMAT_VERSION),
  task: z.enum(TASKS),
  /** The feature schema every request must match. */
  features: z.array(z.strictObject({ name: z.string().min(1), type: z.enum(FEATURE_TYPES) })).min(1),
  /** Classification only; binary: the second is the positive class. */
  classes: z.array(LabelValueSchema).optional(),
  /** Validation metrics at the restored (best) epoch. */
  metrics: ModelMetricsSchema,
  training: z.strictObject({
    rows: z.int().min(2),
    trainRows: z.int().min(1),
    validationRows: z.int().min(1),
    /** Event-time window of the training rows, when the caller gave it. */
    dataWindow: DataWindowSchema.optional(),
    epochs: z.int().min(1),
    bestEpoch: z.int().min(0),
    stoppedEarly: z.boolean(),
    durationMs: z.number().min(0),
    backend: z.enum(BACKEND_NAMES),
    /** Every training option after defaults (declared feature types excluded: see `features`). */
    options: TrainingOptionsSchema.omit({ features: true, dataWindow: true }),
  }),
  versions: z.strictObject({
    tfjs: z.string(),
    tfjsBackendWasm: z.string(),
    node: z.string(),
  }),
  trainedAt: z.iso.datetime(),
});

export type ModelMetadata = z.infer<typeof ModelMetadataSchema>;
export type ModelMetrics = z.infer<typeof ModelMetricsSchema>;
