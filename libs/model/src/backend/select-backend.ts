import * as tf from '@tensorflow/tfjs';
// Registers the `wasm` backend factory; it initialises only when selected.
import '@tensorflow/tfjs-backend-wasm';
import type { StructuredLogger } from '@mlops/observability';
import { BackendNotSelectedError, BackendUnavailableError, InvalidModelOptionError } from '../errors';
import { BACKEND_NAMES, BackendName, isBackendName } from './backend-name';
import { loadTensorflowBinding, ModuleImporter } from './tensorflow-binding';
import { noopLogger } from '../logging/noop-logger';

export interface BackendInfo {
  readonly name: BackendName;
  readonly tfjsVersion: string;
  /** wasm only: whether the SIMD build runs. */
  readonly simd?: boolean;
  /** wasm only: whether the multi-threaded build runs (never under Node today). */
  readonly multiThreaded?: boolean;
}

export interface SelectBackendOptions {
  readonly logger?: StructuredLogger;
  /** The setting's name as the operator knows it, for error messages (default `TFJS_BACKEND`). */
  readonly setting?: string;
  /** @internal tests replace how tfjs-node is imported. */
  readonly importModule?: ModuleImporter;
}

let selected: BackendInfo | undefined;

/**
 * Chooses the tfjs backend for the whole process and logs the choice. Call it once at start-up
 * with the value of your configuration (this lib never reads the environment). There is no
 * fallback: if the chosen backend cannot start, this throws BackendUnavailableError naming the
 * setting. Calling it again with the same name is a no-op; another name switches (tests and
 * benchmarks compare backends), and models loaded before keep their tensors on the old one.
 */
export async function selectBackend(name: string, options: SelectBackendOptions = {}): Promise<BackendInfo> {
  const setting = options.setting ?? 'TFJS_BACKEND';
  const logger = options.logger ?? noopLogger;
  if (!isBackendName(name)) throw new InvalidModelOptionError(setting, `must be one of ${BACKEND_NAMES.join(' | ')}, got "${name}"`);
  if (selected?.name === name && tf.getBackend() === name) return selected;

  if (name === 'tensorflow') await loadTensorflowBinding(setting, options.importModule);
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
    await tf.ready();
  } catch (cause) {
    throw new BackendUnavailableError(name, setting, `tfjs could not initialise it: ${String(cause)}`, cause);
  }
  if (!ok || tf.getBackend() !== name) throw new BackendUnavailableError(name, setting, 'tfjs could not initialise it');

  const previous = selected?.name;
  selected = { name, tfjsVersion: tf.version_core, ...(name === 'wasm' ? await wasmFeatures() : {}) };
  if (previous !== undefined && previous !== name) logger.warn('tfjs backend switched', { from: previous, backend: name });
  const { name: backend, ...details } = selected;
  logger.info('tfjs backend selected', { setting, backend, ...details });
  return selected;
}

/** The backend chosen by selectBackend; throws when none was chosen yet. */
export function requireBackend(): BackendInfo {
  if (selected === undefined) throw new BackendNotSelectedError();
  return selected;
}

async function wasmFeatures(): Promise<{ simd: boolean; multiThreaded: boolean }> {
  return {
    simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
    multiThreaded: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
  };
}
