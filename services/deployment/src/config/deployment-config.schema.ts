import { runtimeEnvSchema } from '@mlops/service-runtime';
import type { z } from 'zod';

/** The deployment service's environment: the shared runtime settings (HTTP, logging, Kafka). */
export const deploymentConfigSchema = runtimeEnvSchema;

export type DeploymentConfig = z.infer<typeof deploymentConfigSchema>;
