import { runtimeEnvSchema } from '@mlops/service-runtime';
import type { z } from 'zod';

/** The ingestion service's environment: the shared runtime settings (HTTP, logging, Kafka). */
export const ingestionConfigSchema = runtimeEnvSchema;

export type IngestionConfig = z.infer<typeof ingestionConfigSchema>;
