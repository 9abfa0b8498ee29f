import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { profileFromJSON, ReferenceProfile } from '@mlops/drift-stats';
import type { StructuredLogger } from '@mlops/observability';
import { requireBackend } from '../backend/select-backend';
import { MissingArtifactFileError, ModelError, ModelFormatError } from '../errors';
import { noopLogger } from '../logging/noop-logger';
import { ModelMetadataSchema } from '../model/model-metadata';
import { TabularModel } from '../model/tabular-model';
import { outputUnits } from '../target/target-encoding';
import { BASELINE_FILE, MANIFEST_FILE, METADATA_FILE, PREPROCESSING_FILE } from './artifact-files';
import { parseManifest, verifyAgainstManifest } from './manifest';
import { parseJsonFile, preprocessingFromJson } from './preprocessing-file';
import { readDirectory } from './read-directory';
import { sha256Hex } from './sha256';
import { TfjsDirectoryIOHandler } from './tfjs-directory.io-handler';

export interface LoadOptions {
  readonly logger?: StructuredLogger;
  /** When given, the sha256 of manifest.json must equal it (the digest the registry recorded). */
  readonly expectedSha256?: string;
}

/**
 * Loads a saved model directory onto the selected backend. Every file is read once and checked
 * against `manifest.json` first (a missing, extra or altered file is an ArtifactIntegrityError
 * and nothing is loaded); then each file is parsed and checked for consistency with the others.
 */
export async function loadTabularModel(directory: string, options: LoadOptions = {}): Promise<TabularModel> {
  const backend = requireBackend();
  const dir = path.resolve(directory);
  const files = await readDirectory(dir);
  const manifestBytes = files.get(MANIFEST_FILE);
  if (manifestBytes === undefined) throw new MissingArtifactFileError(MANIFEST_FILE, dir);
  const digest = sha256Hex(manifestBytes);
  if (options.expectedSha256 !== undefined && digest !== options.expectedSha256) {
    throw new ModelFormatError(MANIFEST_FILE, `has sha256 ${digest}, expected ${options.expectedSha256}`);
  }
  verifyAgainstManifest(parseManifest(text(manifestBytes)), files, dir);
  const read = (name: string): Uint8Array => files.get(name) as Uint8Array;

  const metadata = parseJsonFile(METADATA_FILE, text(read(METADATA_FILE)), ModelMetadataSchema);
  const { preprocessor, target } = preprocessingFromJson(text(read(PREPROCESSING_FILE)));
  checkConsistent(metadata.task === target.task, PREPROCESSING_FILE, `task ${target.task} differs from metadata's ${metadata.task}`);
  checkConsistent(
    JSON.stringify(metadata.features) === JSON.stringify(preprocessor.schema),
    PREPROCESSING_FILE,
    'features differ from the feature schema in metadata.json',
  );
  const baseline = readBaseline(text(read(BASELINE_FILE)));

  const network = await tf.loadLayersModel(new TfjsDirectoryIOHandler(dir, async (name) => read(name)));
  const inputWidth = network.inputs[0].shape[1];
  const outputs = network.outputs[0].shape[1];
  if (inputWidth !== preprocessor.width || outputs !== outputUnits(target)) {
    network.dispose();
    throw new ModelFormatError('model.json', `network is ${inputWidth}→${outputs}, preprocessing needs ${preprocessor.width}→${outputUnits(target)}`);
  }
  (options.logger ?? noopLogger).info('model loaded', { directory: dir, sha256: digest, task: metadata.task, backend: backend.name });
  return new TabularModel(network, preprocessor, target, metadata, baseline);
}

function readBaseline(json: string): ReferenceProfile {
  let profile;
  try {
    profile = profileFromJSON(json);
  } catch (error) {
    if (error instanceof ModelError) throw error;
    throw new ModelFormatError(BASELINE_FILE, (error as Error).message);
  }
  if (!(profile instanceof ReferenceProfile)) throw new ModelFormatError(BASELINE_FILE, 'is a window profile, not a reference profile');
  return profile;
}

function checkConsistent(ok: boolean, file: string, problem: string): void {
  if (!ok) throw new ModelFormatError(file, problem);
}

function text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
