import type { StructuredLogger } from '@mlops/observability';
import { InvalidRegistryConfigError } from './errors/invalid-registry-config.error';
import { FilesystemRegistry } from './filesystem/filesystem-registry';
import { MlflowRegistry, type MlflowRegistryOptions } from './mlflow/mlflow-registry';
import type { ModelRegistry } from './registry/model-registry';

/**
 * The registry a service configured (REGISTRY=filesystem|mlflow, REGISTRY_ROOT,
 * MLFLOW_TRACKING_URI). The service's config schema reads the environment; this lib never does.
 */
export type RegistryConfig =
  | { kind: 'filesystem'; root: string; logger?: StructuredLogger }
  | ({ kind: 'mlflow' } & MlflowRegistryOptions);

export function createModelRegistry(config: RegistryConfig): ModelRegistry {
  switch (config.kind) {
    case 'filesystem':
      if (!config.root) throw new InvalidRegistryConfigError('root', 'required for the filesystem registry (REGISTRY_ROOT)');
      return new FilesystemRegistry(config);
    case 'mlflow':
      if (!config.trackingUri) throw new InvalidRegistryConfigError('trackingUri', 'required for the MLflow registry (MLFLOW_TRACKING_URI)');
      return new MlflowRegistry(config);
    default:
      throw new InvalidRegistryConfigError('kind', `expected "filesystem" or "mlflow", got ${JSON.stringify((config as { kind: unknown }).kind)}`);
  }
}
