import { BACKEND_NAMES, DEFAULT_BACKEND } from '@mlops/model';
import { registryEnvSchema, requireMlflowUriWhenSelected, runtimeEnvSchema } from '@mlops/service-runtime';
import { z } from 'zod';

const count = (what: string, max: number) => z.coerce.number({ error: `expected ${what}` }).int().min(1).max(max);

/** The inference service's environment: runtime, registry, tfjs backend and batching. */
export const inferenceConfigSchema = runtimeEnvSchema
  .extend({
    ...registryEnvSchema.shape,
    /** tfjs backend, chosen once at start and logged; never a silent fallback. */
    TFJS_BACKEND: z.enum(BACKEND_NAMES, { error: `expected one of ${BACKEND_NAMES.join(', ')}` }).default(DEFAULT_BACKEND),
    /** Models to serve (comma-separated); empty serves every model deployed on `models.deployed`. */
    INFERENCE_MODELS: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((m) => m.trim()).filter(Boolean)),
    INFERENCE_GROUP_ID: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'expected 1-200 of [A-Za-z0-9._-]').default('mlops-inference'),
    /** Where downloaded model versions are unpacked. */
    INFERENCE_MODEL_DIR: z.string().min(1).default('./var/inference-models'),
    /** Rows per network call. */
    INFERENCE_MAX_BATCH: count('a row count', 65536).default(4096),
    INFERENCE_MAX_CHUNK: count('a message count', 10000).default(1000),
    /** Partitions served at once: serving is stateless, so partitions need not wait for each other. */
    INFERENCE_CONCURRENCY: count('a partition count', 64).default(4),
    /**
     * Longest wait before handled requests' offsets are committed, off the fetch path; 0 commits
     * after every batch, which adds an OffsetCommit round trip (≥ 5 ms on Kafka 4 brokers) to
     * every request's latency. Offsets are committed only after their predictions were written;
     * a crash re-serves at most this window (ingestion drops the duplicates by eventId).
     */
    INFERENCE_COMMIT_INTERVAL_MS: z.coerce.number({ error: 'expected milliseconds' }).int().min(0).max(60000).default(1000),
  })
  .superRefine(requireMlflowUriWhenSelected);

export type InferenceConfig = z.infer<typeof inferenceConfigSchema>;
