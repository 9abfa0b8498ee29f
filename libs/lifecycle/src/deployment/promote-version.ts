import type { ModelDeployed } from '@mlops/contracts';
import { ModelAlias, type ModelRegistry, type ModelVersion } from '@mlops/registry';
import { modelDeployedEvent } from './deployment-events';

/**
 * Makes `version` the champion: moves the registry's `champion` alias, then returns the
 * ModelDeployed to publish (compacted, key = model). Publishing is the caller's job; moving the
 * alias again for the same version is harmless, so a retry after a crash is safe.
 */
export async function promoteVersion(registry: ModelRegistry, version: ModelVersion, previousVersion: string | undefined, at: Date): Promise<ModelDeployed> {
  await registry.setAlias(version.model, ModelAlias.Champion, version.version);
  return modelDeployedEvent(version, previousVersion, at);
}
