/** A number for JSON: NaN and ±Infinity (which JSON cannot hold) become null. */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
