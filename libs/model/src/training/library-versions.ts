import * as tf from '@tensorflow/tfjs';
import { version_wasm } from '@tensorflow/tfjs-backend-wasm';

/** Versions recorded in a model's metadata, to tell which runtime produced it. */
export function libraryVersions(): { tfjs: string; tfjsBackendWasm: string; node: string } {
  return { tfjs: tf.version.tfjs, tfjsBackendWasm: version_wasm, node: process.version };
}
