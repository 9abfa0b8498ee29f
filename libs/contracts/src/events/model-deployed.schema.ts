import { z } from 'zod';
import { ArtifactRefSchema, ModelNameSchema, ModelVersionSchema, UtcDateTimeSchema } from '../schema-primitives';

export const MODEL_DEPLOYED_SCHEMA_VERSION = 1;
export const MODEL_DEPLOYED_TYPE = 'io.mlops.model.deployed.v1';

/**
 * The champion of a model, on the compacted `models.deployed` topic keyed by model: the last
 * record per key is the current champion, so a service that starts reads the topic from the
 * beginning and knows every model's champion. Inference hot-swaps to it; drift switches its
 * baseline. The sha256 values are checked again before anything is loaded.
 * Unknown fields are rejected.
 */
export const ModelDeployedSchema = z
  .strictObject({
    schemaVersion: z.literal(MODEL_DEPLOYED_SCHEMA_VERSION),
    model: ModelNameSchema,
    version: ModelVersionSchema,
    artifact: ArtifactRefSchema,
    baselineProfile: ArtifactRefSchema,
    /** The champion this one replaced; absent for a model's first deployment. */
    previousVersion: ModelVersionSchema.optional(),
    deployedAt: UtcDateTimeSchema,
  })
  .meta({
    title: 'ModelDeployed',
    description: `The current champion of a model (CloudEvents type ${MODEL_DEPLOYED_TYPE}). Unknown fields are rejected.`,
  });
export type ModelDeployed = z.infer<typeof ModelDeployedSchema>;
