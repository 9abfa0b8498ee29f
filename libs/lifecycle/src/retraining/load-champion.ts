import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { isRetriable } from '@mlops/kafka';
import { loadTabularModel, type TabularModel } from '@mlops/model';
import type { StructuredLogger } from '@mlops/observability';
import { ModelAlias, RegistryNotFoundError, type ModelRegistry, type ModelVersion } from '@mlops/registry';

export interface LoadedChampion {
  readonly version: ModelVersion;
  /** Absent when the champion cannot be loaded here (corrupt, or not a model this lib trained). */
  readonly model?: TabularModel;
  readonly problem?: string;
}

/**
 * The model's current champion (the registry's `champion` alias), downloaded with every checksum
 * verified and loaded, to be evaluated beside the challenger. Undefined for a model without one.
 * A champion that cannot be loaded is returned without `model`, with the reason; an unavailable
 * registry is thrown (retriable).
 */
export async function loadChampion(registry: ModelRegistry, model: string, workDir: string, logger: StructuredLogger): Promise<LoadedChampion | undefined> {
  let version: ModelVersion;
  try {
    version = await registry.getAlias(model, ModelAlias.Champion);
  } catch (error) {
    if (error instanceof RegistryNotFoundError) return undefined;
    throw error;
  }
  const directory = path.join(path.resolve(workDir), `champion-${model}-${version.version}-${randomBytes(4).toString('hex')}`);
  try {
    const downloaded = await registry.downloadVersion(model, version.version, directory);
    return { version, model: await loadTabularModel(downloaded.directory) };
  } catch (error) {
    if (isRetriable(error)) throw error;
    const problem = (error as Error).message;
    logger.warn('champion cannot be loaded; the challenger is compared without it', { model, version: version.version, error: problem });
    return { version, problem };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
