import { RegistryNotFoundError, type ModelRegistry, type ModelVersion } from '@mlops/registry';

/** The version an alias points at, or undefined when the model or the alias does not exist. */
export async function findAlias(registry: ModelRegistry, model: string, alias: string): Promise<ModelVersion | undefined> {
  try {
    return await registry.getAlias(model, alias);
  } catch (error) {
    if (error instanceof RegistryNotFoundError) return undefined;
    throw error;
  }
}
