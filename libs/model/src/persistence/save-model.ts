import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { profileToJSONText } from '@mlops/drift-stats';
import type { StructuredLogger } from '@mlops/observability';
import { ModelDirectoryExistsError } from '../errors';
import { noopLogger } from '../logging/noop-logger';
import type { TabularModel } from '../model/tabular-model';
import { BASELINE_FILE, MANIFEST_FILE, METADATA_FILE, PREPROCESSING_FILE } from './artifact-files';
import { buildManifest, Manifest } from './manifest';
import { preprocessingToJson } from './preprocessing-file';
import { sha256Hex } from './sha256';
import { TfjsDirectoryIOHandler } from './tfjs-directory.io-handler';

export interface SavedModel {
  readonly directory: string;
  readonly manifest: Manifest;
  /** sha256 of `manifest.json`: one digest that pins every file (use it as the artifact's sha256). */
  readonly sha256: string;
}

/**
 * Saves a model as a directory (model.json, weights.bin, preprocessing.json, metadata.json,
 * baseline-profile.json, manifest.json). Atomic: everything is written into a hidden sibling
 * directory and renamed into place at the end, so a crash leaves no half-written model under
 * `directory`. Never overwrites: an existing `directory` is a ModelDirectoryExistsError.
 */
export async function saveTabularModel(model: TabularModel, directory: string, options: { logger?: StructuredLogger } = {}): Promise<SavedModel> {
  const target = path.resolve(directory);
  if (await exists(target)) throw new ModelDirectoryExistsError(target);
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.partial-${randomUUID()}`);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.mkdir(staging);
  try {
    await model.network.save(new TfjsDirectoryIOHandler(staging));
    await fs.writeFile(path.join(staging, PREPROCESSING_FILE), preprocessingToJson(model.preprocessor, model.target));
    await fs.writeFile(path.join(staging, METADATA_FILE), JSON.stringify(model.metadata, null, 2));
    await fs.writeFile(path.join(staging, BASELINE_FILE), profileToJSONText(model.baseline));
    // Hash what is on disk, not what was meant to be written.
    const files = new Map<string, Uint8Array>();
    for (const name of (await fs.readdir(staging)).sort()) files.set(name, await fs.readFile(path.join(staging, name)));
    const manifest = buildManifest(files);
    const manifestText = JSON.stringify(manifest, null, 2);
    await fs.writeFile(path.join(staging, MANIFEST_FILE), manifestText);
    await fs.rename(staging, target);
    const saved = { directory: target, manifest, sha256: sha256Hex(Buffer.from(manifestText)) };
    (options.logger ?? noopLogger).info('model saved', { directory: target, sha256: saved.sha256, files: manifest.files.length });
    return saved;
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    if (isCode(error, 'ENOTEMPTY') || isCode(error, 'EEXIST')) throw new ModelDirectoryExistsError(target);
    throw error;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
