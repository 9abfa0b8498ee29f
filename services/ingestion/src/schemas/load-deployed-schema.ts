import { decodeEvent, ModelDeployedSchema } from '@mlops/contracts';
import { profileFromJSON } from '@mlops/drift-stats';
import { PermanentError, RetriableError } from '@mlops/kafka';
import { RegistryUnavailableError, type ModelRegistry } from '@mlops/registry';
import type { FeatureSchemaCatalog } from './feature-schema-catalog';

/**
 * Reads a `models.deployed` record and puts the deployed version's feature schema (the
 * baseline profile's columns with role "feature") into the catalog. A registry outage is
 * retriable; an invalid record or a version without a readable profile is permanent.
 */
export async function loadDeployedSchema(value: Buffer | null, registry: ModelRegistry, catalog: FeatureSchemaCatalog): Promise<void> {
  const decoded = decodeEvent(ModelDeployedSchema, value);
  if (!decoded.ok) throw new PermanentError(`invalid ModelDeployed: ${decoded.reason}`);
  const { model, version } = decoded.value;
  if (catalog.has(model, version)) return;
  let profileJson;
  try {
    profileJson = await registry.getBaselineProfile(model, version);
  } catch (error) {
    if (error instanceof RegistryUnavailableError) throw new RetriableError(error.message, { model, version });
    throw new PermanentError(`no feature schema for model ${model} version ${version}: ${(error as Error).message}`, { model, version });
  }
  const profile = profileFromJSON(profileJson);
  const features = profile.schema.filter((c) => (c.role ?? 'feature') === 'feature').map((c) => ({ name: c.name, type: c.type }));
  catalog.set(model, { version, features });
}
