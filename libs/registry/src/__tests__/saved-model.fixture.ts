import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CreateVersionInput } from '../registry/model-registry';

/** Deterministic pseudo-random bytes (sha256 in counter mode), so fixtures differ per seed. */
export function fixtureBytes(seed: string, length: number): Buffer {
  const chunks: Buffer[] = [];
  for (let i = 0; chunks.length * 32 < length; i++) chunks.push(createHash('sha256').update(`${seed}:${i}`).digest());
  return Buffer.concat(chunks).subarray(0, length);
}

/**
 * A stand-in for a directory libs/model saves: the registry treats it as opaque files, so a
 * JSON file, a binary weights file, a nested folder and a name with a space cover what matters.
 */
export async function writeSavedModel(dir: string, seed = 'model'): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {
    'model.json': Buffer.from(JSON.stringify({ format: 'layers-model', seed })),
    'weights.bin': fixtureBytes(seed, 40_000),
    'preprocessing/feature schema.json': Buffer.from(JSON.stringify({ features: ['age', 'salary'], seed })),
    'metadata.json': Buffer.from('{}'),
  };
  for (const [path, bytes] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
  return files;
}

export function versionInput(model: string, sourceDir: string, overrides: Partial<CreateVersionInput> = {}): CreateVersionInput {
  return {
    model,
    sourceDir,
    metrics: { accuracy: 0.91, f1: 0.875 },
    params: { epochs: 20, learning_rate: 0.001, early_stopping: true, backend: 'wasm' },
    tags: { trainer: 'retraining', 'drift type': 'concept' },
    baselineProfile: { rows: 5000, features: { age: { bins: [18, 30, 45, 60, 80], counts: [10, 20, 30, 40] } } },
    lineage: {
      requestId: 'req-0001',
      dataWindow: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' },
      kafkaOffsets: [
        { topic: 'predictions.labeled', partition: 0, fromOffset: '0', toOffset: '1200' },
        { topic: 'predictions.labeled', partition: 1, fromOffset: '17', toOffset: '9007199254740993' },
      ],
    },
    description: 'challenger trained after concept drift',
    ...overrides,
  };
}
