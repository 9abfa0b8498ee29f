import type { ModelRegistered } from '@mlops/contracts';
import { ModelAlias, RegistryNotFoundError, type ModelRegistry, type ModelVersion } from '@mlops/registry';
import { comparisonFromTags, modelRegisteredEvent } from './model-events';

/**
 * The ModelRegistered of a version already registered for `requestId`, rebuilt from the
 * registry; undefined if there is none. It closes the gap between registering a version and
 * publishing its event: a request handled again after a crash in between publishes the event
 * instead of training a second version. The last registered version is the one the `challenger`
 * alias points at (set right after registration), so one lookup suffices whatever the registry
 * holds; only a crash between registering and setting the alias goes unseen.
 */
export async function findRegisteredVersion(registry: ModelRegistry, model: string, requestId: string): Promise<ModelRegistered | undefined> {
  let latest: ModelVersion;
  try {
    latest = await registry.getAlias(model, ModelAlias.Challenger);
  } catch (error) {
    if (error instanceof RegistryNotFoundError) return undefined;
    throw error;
  }
  if (latest.lineage.requestId !== requestId) return undefined;
  const comparison = comparisonFromTags(latest.tags) ?? { primaryMetric: Object.keys(latest.metrics)[0], challenger: Object.values(latest.metrics)[0], outperformsChampion: false };
  return modelRegisteredEvent(latest, comparison, new Date(latest.createdAt));
}
