import type { z } from 'zod';
import { deploymentConfigSchema } from '../../../services/deployment/src/config/deployment-config.schema';
import * as deployment from '../../../services/deployment/src/deployment.constants';
import { driftComputationConfigSchema } from '../../../services/drift-computation/src/config/drift-computation-config.schema';
import * as driftComputation from '../../../services/drift-computation/src/drift-computation.constants';
import { inferenceConfigSchema } from '../../../services/inference/src/config/inference-config.schema';
import * as inference from '../../../services/inference/src/inference.constants';
import { ingestionConfigSchema } from '../../../services/ingestion/src/config/ingestion-config.schema';
import * as ingestion from '../../../services/ingestion/src/ingestion.constants';
import { retrainingConfigSchema } from '../../../services/retraining/src/config/retraining-config.schema';
import * as retraining from '../../../services/retraining/src/retraining.constants';

/** What the deployment artefacts must agree with, read from each service's own code. */
export interface PipelineService {
  name: string;
  defaultHttpPort: number;
  /** The environment schema the service checks before it starts. */
  configSchema: z.ZodType;
}

export const PIPELINE_SERVICES: readonly PipelineService[] = [
  { name: ingestion.SERVICE_NAME, defaultHttpPort: ingestion.DEFAULT_HTTP_PORT, configSchema: ingestionConfigSchema },
  { name: inference.SERVICE_NAME, defaultHttpPort: inference.DEFAULT_HTTP_PORT, configSchema: inferenceConfigSchema },
  { name: driftComputation.SERVICE_NAME, defaultHttpPort: driftComputation.DEFAULT_HTTP_PORT, configSchema: driftComputationConfigSchema },
  { name: retraining.SERVICE_NAME, defaultHttpPort: retraining.DEFAULT_HTTP_PORT, configSchema: retrainingConfigSchema },
  { name: deployment.SERVICE_NAME, defaultHttpPort: deployment.DEFAULT_HTTP_PORT, configSchema: deploymentConfigSchema },
];

export const SERVICE_NAMES = PIPELINE_SERVICES.map((s) => s.name);

/** Shutdown bound the runtime applies when SHUTDOWN_TIMEOUT_MS is unset (libs/service-runtime). */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 15000;

/** The problems a service would report for this environment, one `NAME: message` line each; empty when it starts. */
export function configProblems(service: PipelineService, env: Record<string, string>): string[] {
  const result = service.configSchema.safeParse(env);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/**
 * The services that write to the model registry: retraining registers versions and sets the
 * challenger alias (libs/lifecycle register-challenger), deployment moves the champion and pinned
 * aliases (promote-version, the deployment processor). The others only read it.
 */
export const REGISTRY_WRITERS: readonly string[] = [retraining.SERVICE_NAME, deployment.SERVICE_NAME];

/** The configuration the service would run with (defaults applied); throws when it would not start. */
export function parsedConfig(service: PipelineService, env: Record<string, string>): Record<string, unknown> {
  const problems = configProblems(service, env);
  if (problems.length > 0) throw new Error(`${service.name}: ${problems.join('; ')}`);
  return service.configSchema.parse(env) as Record<string, unknown>;
}
