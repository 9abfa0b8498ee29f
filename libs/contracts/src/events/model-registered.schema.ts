import { z } from 'zod';
import {
  ArtifactRefSchema,
  DataWindowSchema,
  IdentifierSchema,
  MetricNameSchema,
  MetricsSchema,
  ModelNameSchema,
  ModelVersionSchema,
  UtcDateTimeSchema,
} from '../schema-primitives';

export const MODEL_REGISTERED_SCHEMA_VERSION = 1;
export const MODEL_REGISTERED_TYPE = 'io.mlops.model.registered.v1';

/**
 * The challenger against the champion on the same evaluation data. `champion` and
 * `championVersion` are absent for a model's first version.
 */
export const ChampionComparisonSchema = z.strictObject({
  primaryMetric: MetricNameSchema,
  challenger: z.number(),
  champion: z.number().optional(),
  championVersion: ModelVersionSchema.optional(),
  /** Whether the challenger beats the champion by the configured margin (true when no champion). */
  outperformsChampion: z.boolean(),
});

/** Where a version came from, so any deployed model can be traced to its data and trigger. */
export const LineageSchema = z.strictObject({
  /** The champion it was trained to replace; absent for a first version. */
  parentVersion: ModelVersionSchema.optional(),
  /** The RetrainRequest that caused the training. */
  requestId: IdentifierSchema,
  dataWindow: DataWindowSchema,
});

/**
 * A trained and evaluated challenger, logged to the registry (`models.registered`, keyed by
 * model). Deployment gates it and may promote it. Unknown fields are rejected.
 */
export const ModelRegisteredSchema = z
  .strictObject({
    schemaVersion: z.literal(MODEL_REGISTERED_SCHEMA_VERSION),
    model: ModelNameSchema,
    version: ModelVersionSchema,
    metrics: MetricsSchema,
    comparison: ChampionComparisonSchema,
    lineage: LineageSchema,
    artifact: ArtifactRefSchema,
    /** The reference profile drift is measured against once this version serves. */
    baselineProfile: ArtifactRefSchema,
    registeredAt: UtcDateTimeSchema,
  })
  .meta({
    title: 'ModelRegistered',
    description: `A new model version in the registry (CloudEvents type ${MODEL_REGISTERED_TYPE}). Unknown fields are rejected.`,
  });
export type ModelRegistered = z.infer<typeof ModelRegisteredSchema>;
