import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ModelFormatError } from '../errors';
import { MODEL_JSON_FILE, WEIGHTS_FILE } from './artifact-files';

/** Reads one file of the directory by name (the loader passes checksum-verified bytes). */
export type ArtifactReader = (name: string) => Promise<Uint8Array>;

/**
 * A tfjs IOHandler for a local directory: `model.json` (topology and weights manifest, in
 * tfjs's own layout, so `tf.loadLayersModel` and the Python converter read it) plus one
 * `weights.bin`. tfjs's built-in `file://` handler exists only in tfjs-node, hence this one.
 */
export class TfjsDirectoryIOHandler implements tf.io.IOHandler {
  constructor(
    private readonly directory: string,
    private readonly read: ArtifactReader = (name) => fs.readFile(path.join(directory, name)),
  ) {}

  async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
    if (artifacts.modelTopology instanceof ArrayBuffer || artifacts.modelTopology === undefined) {
      throw new ModelFormatError(MODEL_JSON_FILE, 'only layers models with a JSON topology can be saved');
    }
    const weightData = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0));
    const modelJson: tf.io.ModelJSON = {
      modelTopology: artifacts.modelTopology,
      format: artifacts.format,
      generatedBy: artifacts.generatedBy,
      convertedBy: artifacts.convertedBy,
      ...(artifacts.trainingConfig === undefined ? {} : { trainingConfig: artifacts.trainingConfig }),
      weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
    };
    await fs.writeFile(path.join(this.directory, MODEL_JSON_FILE), JSON.stringify(modelJson));
    await fs.writeFile(path.join(this.directory, WEIGHTS_FILE), new Uint8Array(weightData));
    return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
  }

  async load(): Promise<tf.io.ModelArtifacts> {
    const modelJson = parseModelJson(await this.read(MODEL_JSON_FILE));
    const weights = await this.read(WEIGHTS_FILE);
    // A copy into a fresh ArrayBuffer: the file's Buffer may be a view on a shared pool, and
    // under Jest it belongs to another realm, which tfjs's `instanceof ArrayBuffer` refuses.
    const weightData = new ArrayBuffer(weights.byteLength);
    new Uint8Array(weightData).set(weights);
    return {
      modelTopology: modelJson.modelTopology,
      format: modelJson.format,
      generatedBy: modelJson.generatedBy,
      convertedBy: modelJson.convertedBy,
      ...(modelJson.trainingConfig === undefined ? {} : { trainingConfig: modelJson.trainingConfig }),
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData,
    };
  }
}

function parseModelJson(bytes: Uint8Array): tf.io.ModelJSON {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    throw new ModelFormatError(MODEL_JSON_FILE, `not JSON: ${(e as Error).message}`);
  }
  const candidate = json as Partial<tf.io.ModelJSON> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.modelTopology !== 'object' || candidate.modelTopology === null) {
    throw new ModelFormatError(MODEL_JSON_FILE, 'has no modelTopology object');
  }
  const manifest = candidate.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length !== 1 || manifest[0].paths?.length !== 1 || manifest[0].paths[0] !== WEIGHTS_FILE) {
    throw new ModelFormatError(MODEL_JSON_FILE, `weightsManifest must be one group stored in ${WEIGHTS_FILE}`);
  }
  return candidate as tf.io.ModelJSON;
}
