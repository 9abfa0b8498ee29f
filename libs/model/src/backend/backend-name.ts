/**
 * The tfjs backends this lib can run on. `wasm` is the default (pure npm, SIMD, fast enough to
 * train); `cpu` is the pure-JS last resort; `tensorflow` is tfjs-node's native libtensorflow,
 * only where an image could install it.
 */
export const BACKEND_NAMES = ['wasm', 'cpu', 'tensorflow'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
export const DEFAULT_BACKEND: BackendName = 'wasm';

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKEND_NAMES as readonly string[]).includes(value);
}
