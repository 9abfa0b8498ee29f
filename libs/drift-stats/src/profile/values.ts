/**
 * How raw values are read. A value is valid, missing (null, undefined, NaN) or invalid
 * (wrong type, ±Infinity, objects); missing and invalid values are counted apart and never
 * reach a distribution, so no input can crash an update.
 *
 * - numerical: finite numbers only (numeric strings are invalid: parse upstream).
 * - categorical: strings as they are; finite numbers and booleans by their String() form.
 * - boolean: true/false, the strings "true"/"false", and the numbers 1/0.
 */
export function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/** Category key of a categorical value, or null when missing/invalid (see {@link isMissing}). */
export function categoryKey(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return null;
}

/** Key of a boolean value: "true" / "false", or null when missing/invalid. */
export function booleanKey(v: unknown): string | null {
  if (v === true || v === 'true' || v === 1) return 'true';
  if (v === false || v === 'false' || v === 0) return 'false';
  return null;
}
