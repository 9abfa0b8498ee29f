import { registryEnvSchema, requireMlflowUriWhenSelected, runtimeEnvSchema } from '@mlops/service-runtime';
import { z } from 'zod';

const HOUR_MS = 3600 * 1000;
const ms = (what: string) => z.coerce.number({ error: `expected ${what} in milliseconds` }).int().positive(`expected ${what} in milliseconds, > 0`);

/** The ingestion service's environment: the shared runtime settings plus dedupe and join. */
export const ingestionConfigSchema = runtimeEnvSchema
  .extend({
  ...registryEnvSchema.shape,
  /** Check features against the deployed version's schema (from its baseline profile in the registry). */
  INGESTION_VALIDATE_FEATURES: z.enum(['true', 'false'], { error: 'expected true or false' }).default('true'),
  INGESTION_GROUP_ID: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'expected 1-200 of [A-Za-z0-9._-]').default('mlops-ingestion'),
  /** How long an eventId is remembered: a repeat within it is dropped as a duplicate. */
  INGESTION_DEDUPE_HORIZON_MS: ms('the dedupe horizon').default(24 * HOUR_MS),
  /** How long a prediction waits for its label, and a label for its prediction. */
  INGESTION_JOIN_TTL_MS: ms('the join TTL').default(7 * 24 * HOUR_MS),
  /** Upper bound on waiting predictions (and, separately, waiting labels) kept in memory. */
  INGESTION_MAX_PENDING: z.coerce.number({ error: 'expected a count' }).int().min(1).max(50_000_000).default(200_000),
  /** Messages per chunk: each chunk's outputs go to Kafka in one request. */
  /**
   * Partitions handled at once. Above 1, one partition's produce round trip overlaps another's
   * processing. Each chunk still commits only after its own output is written; see
   * docs/architecture.md ("Ingestion's state") for what a failed write can then cost.
   */
  INGESTION_CONCURRENCY: z.coerce.number({ error: 'expected a count' }).int().min(1).max(64).default(1),
  /** Members of the consumer group in this process (each its own connection; they share the partitions and the state). */
  INGESTION_CONSUMERS: z.coerce.number({ error: 'expected a count' }).int().min(1).max(16).default(4),
  INGESTION_MAX_CHUNK: z.coerce.number({ error: 'expected a count' }).int().min(1).max(10_000).default(500),
  })
  .superRefine(requireMlflowUriWhenSelected);

export type IngestionConfig = z.infer<typeof ingestionConfigSchema>;
