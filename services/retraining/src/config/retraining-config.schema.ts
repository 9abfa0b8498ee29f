import { runtimeEnvSchema } from '@mlops/service-runtime';
import type { z } from 'zod';

/** The retraining service's environment: the shared runtime settings (HTTP, logging, Kafka). */
export const retrainingConfigSchema = runtimeEnvSchema;

export type RetrainingConfig = z.infer<typeof retrainingConfigSchema>;
