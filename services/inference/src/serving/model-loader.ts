import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ModelDeployed } from '@mlops/contracts';
import { PermanentError } from '@mlops/kafka';
import { loadTabularModel } from '@mlops/model';
import type { StructuredLogger } from '@mlops/observability';
import type { ModelRegistry } from '@mlops/registry';
import { ServedModel } from './served-model';
import { isFinitePrediction, sanityRows } from '@mlops/lifecycle';

export class ArtifactDigestMismatchError extends PermanentError {
  constructor(model: string, version: string, expected: string, actual: string) {
    super(`model ${model} version ${version}: artifact sha256 ${actual} does not match the deployed ${expected}`, { model, version });
  }
}

export class NonFiniteOutputError extends PermanentError {
  constructor(model: string, version: string) {
    super(`model ${model} version ${version} gives non-finite outputs on its warm-up batch`, { model, version });
  }
}

/**
 * Loads a deployed version: downloads it from the registry into a fresh folder (every file's
 * checksum verified by the registry), checks the artifact digest against the deployment
 * event, loads it (the model's own manifest verified again), and warms it up. Throws on any
 * failure, leaving nothing behind.
 */
export function createModelLoader(deps: { registry: ModelRegistry; directory: string; batchSize: number; logger: StructuredLogger }) {
  return async (event: ModelDeployed): Promise<ServedModel> => {
    const target = path.join(path.resolve(deps.directory), event.model, `${event.version}-${randomBytes(4).toString('hex')}`);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      const downloaded = await deps.registry.downloadVersion(event.model, event.version, target);
      if (downloaded.sha256 !== event.artifact.sha256) {
        throw new ArtifactDigestMismatchError(event.model, event.version, event.artifact.sha256, downloaded.sha256);
      }
      const model = await loadTabularModel(downloaded.directory);
      const outputs = await model.predict(sanityRows(model.schema), { batchSize: deps.batchSize });
      if (!outputs.every(isFinitePrediction)) {
        model.dispose();
        throw new NonFiniteOutputError(event.model, event.version);
      }
      return new ServedModel(event.model, event.version, model, new Date());
    } finally {
      // The model is in memory now (or failed); the unpacked copy is not needed either way.
      await rm(target, { recursive: true, force: true });
    }
  };
}
