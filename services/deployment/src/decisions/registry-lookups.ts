import { RegistryNotFoundError, type ModelRegistry, type ModelVersion } from '@mlops/registry';

/** The version, or undefined when the model or version is not in the registry (other errors are thrown). */
export async function findVersion(registry: ModelRegistry, model: string, version: string): Promise<ModelVersion | undefined> {
  return orUndefined(() => registry.getVersion(model, version));
}

/** The version an alias points at, or undefined when the model or alias does not exist. */
export async function findAlias(registry: ModelRegistry, model: string, alias: string): Promise<ModelVersion | undefined> {
  return orUndefined(() => registry.getAlias(model, alias));
}

async function orUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof RegistryNotFoundError) return undefined;
    throw error;
  }
}
