import * as tf from '@tensorflow/tfjs';
import { BackendUnavailableError } from '../errors';

/**
 * The package name is a variable so that neither TypeScript nor a bundler tries to resolve it:
 * tfjs-node is deliberately not a dependency (its install downloads libtensorflow from outside
 * the registries), and importing it must stay a decision the operator makes.
 */
const TFJS_NODE = '@tensorflow/tfjs-node';

export type ModuleImporter = (specifier: string) => Promise<unknown>;

const defaultImporter: ModuleImporter = (specifier) => import(specifier);

/**
 * Loads tfjs-node, which registers the `tensorflow` backend with the shared tfjs-core. Any
 * failure is a BackendUnavailableError naming the setting: an absent package, one installed
 * with `--ignore-scripts` (it throws on require), or one bound to another tfjs-core copy.
 */
export async function loadTensorflowBinding(setting: string, importModule: ModuleImporter = defaultImporter): Promise<void> {
  try {
    await importModule(TFJS_NODE);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new BackendUnavailableError(
      'tensorflow',
      setting,
      `${TFJS_NODE} could not be loaded (${reason}); install it in the image or choose wasm`,
      cause,
    );
  }
  if (tf.findBackendFactory('tensorflow') === null) {
    throw new BackendUnavailableError(
      'tensorflow',
      setting,
      `${TFJS_NODE} loaded but registered no backend with this @tensorflow/tfjs ${tf.version_core}; install matching versions`,
    );
  }
}
