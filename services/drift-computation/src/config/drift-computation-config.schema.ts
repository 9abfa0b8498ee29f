import { runtimeEnvSchema } from '@mlops/service-runtime';
import type { z } from 'zod';

/** The drift-computation service's environment: the shared runtime settings (HTTP, logging, Kafka). */
export const driftComputationConfigSchema = runtimeEnvSchema;

export type DriftComputationConfig = z.infer<typeof driftComputationConfigSchema>;
