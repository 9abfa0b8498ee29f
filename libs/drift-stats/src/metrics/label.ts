/** A class label. Booleans are read as 1 (true) and 0 (false). */
export type Label = string | number | boolean;

/** A label after normalization: a finite number or a string. */
export type NormalizedLabel = string | number;

/**
 * Normalizes a raw label, or returns `undefined` when it is unusable
 * (null, undefined, NaN, ±Infinity, objects): the caller counts it as skipped.
 * Never throws, so it is safe on the hot path.
 */
export function normalizeLabel(raw: unknown): NormalizedLabel | undefined {
  switch (typeof raw) {
    case 'number':
      return Number.isFinite(raw) ? raw : undefined;
    case 'string':
      return raw;
    case 'boolean':
      return raw ? 1 : 0;
    default:
      return undefined;
  }
}

/** Canonical label order (as scikit-learn's sorted labels): numbers ascending, then strings by code unit. */
export function compareLabels(a: NormalizedLabel, b: NormalizedLabel): number {
  if (typeof a === 'number') {
    return typeof b === 'number' ? a - b : -1;
  }
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
