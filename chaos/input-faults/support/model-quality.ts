import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadTabularModel, selectBackend, type ClassPrediction, type TrainingExample } from '@mlops/model';
import type { ModelRegistry, ModelVersion } from '@mlops/registry';

/**
 * Accuracy of a registered version on `examples`, loaded from the registry as a service would
 * (checksums verified): the honest numbers a ModelRegistered comparison carries.
 */
export async function accuracyOf(registry: ModelRegistry, version: ModelVersion, examples: TrainingExample[]): Promise<number> {
  await selectBackend('wasm');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chaos-accuracy-'));
  try {
    const downloaded = await registry.downloadVersion(version.model, version.version, path.join(dir, 'model'));
    const model = await loadTabularModel(downloaded.directory);
    try {
      const predictions = (await model.predict(examples.map((e) => e.features), { batchSize: 1024 })) as ClassPrediction[];
      return predictions.filter((p, i) => p.label === examples[i].label).length / examples.length;
    } finally {
      model.dispose();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
