import { runtimeEnvSchema } from '@mlops/service-runtime';
import type { z } from 'zod';

/** The inference service's environment: the shared runtime settings (HTTP, logging, Kafka). */
export const inferenceConfigSchema = runtimeEnvSchema;

export type InferenceConfig = z.infer<typeof inferenceConfigSchema>;
