import { z } from 'zod';

/**
 * The parts of MLflow's REST answers the registry reads. Objects are not strict: servers add
 * fields from release to release. Protobuf int64 fields (timestamps) come as numbers or strings.
 */
const Int64 = z.union([z.number(), z.string()]).transform((v) => Number(v));
const KeyValue = z.object({ key: z.string(), value: z.string().optional().default('') });

export const ErrorBody = z.object({ error_code: z.string().optional(), message: z.string().optional() });

export const EmptyResponse = z.object({});

export const GetExperimentResponse = z.object({
  experiment: z.object({ experiment_id: z.string(), artifact_location: z.string().optional() }),
});
export const CreateExperimentResponse = z.object({ experiment_id: z.string() });

const RunInfo = z.object({ run_id: z.string(), experiment_id: z.string(), artifact_uri: z.string() });
export const CreateRunResponse = z.object({ run: z.object({ info: RunInfo }) });
export const GetRunResponse = z.object({
  run: z.object({
    info: RunInfo,
    data: z
      .object({
        metrics: z.array(z.object({ key: z.string(), value: z.union([z.number(), z.string()]) })).optional(),
        params: z.array(KeyValue).optional(),
        tags: z.array(KeyValue).optional(),
      })
      .optional(),
  }),
});

export const ModelVersionBody = z.object({
  name: z.string(),
  version: z.string(),
  creation_timestamp: Int64,
  source: z.string(),
  run_id: z.string().optional(),
  status: z.string().optional(),
  status_message: z.string().optional(),
  description: z.string().optional(),
  tags: z.array(KeyValue).optional(),
  aliases: z.array(z.string()).optional(),
});
export type MlflowModelVersion = z.infer<typeof ModelVersionBody>;
export const ModelVersionResponse = z.object({ model_version: ModelVersionBody });
export const SearchModelVersionsResponse = z.object({
  model_versions: z.array(ModelVersionBody).optional(),
  next_page_token: z.string().optional(),
});

export const GetRegisteredModelResponse = z.object({
  registered_model: z.object({
    name: z.string(),
    aliases: z.array(z.object({ alias: z.string(), version: z.string() })).optional(),
  }),
});

export function keyValues(entries: readonly { key: string; value: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((entries ?? []).map((e) => [e.key, e.value]));
}
