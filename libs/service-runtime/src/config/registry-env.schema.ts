import type { StructuredLogger } from '@mlops/observability';
import type { RegistryConfig } from '@mlops/registry';
import { z } from 'zod';

/** Where model versions live: the embedded filesystem registry (default) or an MLflow server. */
export const registryEnvSchema = z.object({
  REGISTRY: z.enum(['filesystem', 'mlflow'], { error: 'expected filesystem or mlflow' }).default('filesystem'),
  REGISTRY_ROOT: z.string().min(1).default('./var/registry'),
  MLFLOW_TRACKING_URI: z.url({ error: 'expected an http(s) URL, e.g. http://127.0.0.1:5000' }).optional(),
  // MLflow's own variable names, so a client configured for MLflow works unchanged. Never logged.
  MLFLOW_TRACKING_TOKEN: z.string().min(1).optional(),
  MLFLOW_TRACKING_USERNAME: z.string().min(1).optional(),
  MLFLOW_TRACKING_PASSWORD: z.string().optional(),
});

export type RegistryEnv = z.infer<typeof registryEnvSchema>;

/** Turns the validated variables into the registry lib's config; MLflow needs its URI. */
export function registryConfigFromEnv(env: RegistryEnv, logger: StructuredLogger): RegistryConfig {
  if (env.REGISTRY === 'mlflow') {
    if (!env.MLFLOW_TRACKING_URI) throw new Error('MLFLOW_TRACKING_URI: required when REGISTRY=mlflow');
    return {
      kind: 'mlflow',
      trackingUri: env.MLFLOW_TRACKING_URI,
      token: env.MLFLOW_TRACKING_TOKEN,
      username: env.MLFLOW_TRACKING_USERNAME,
      password: env.MLFLOW_TRACKING_PASSWORD,
      logger,
    };
  }
  return { kind: 'filesystem', root: env.REGISTRY_ROOT, logger };
}

/** Cross-field rule for service schemas that include the registry variables. */
export function requireMlflowUriWhenSelected(env: RegistryEnv, ctx: z.RefinementCtx): void {
  if (env.REGISTRY === 'mlflow' && !env.MLFLOW_TRACKING_URI) {
    ctx.addIssue({ code: 'custom', path: ['MLFLOW_TRACKING_URI'], message: 'required when REGISTRY=mlflow' });
  }
}
