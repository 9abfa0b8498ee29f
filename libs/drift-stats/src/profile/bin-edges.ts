import { InvalidParameterError } from '../errors';

/** Default number of reference bins for numerical features (deciles, the PSI convention). */
export const DEFAULT_BINS = 10;

/**
 * Bin edges for a numerical feature, derived from the reference's sorted valid values.
 *
 * Rule: with B bins (default 10),
 * - if the reference has at most B distinct values, the edges are those values, so every
 *   reference value gets a bin of its own (discrete and low-cardinality numerical features are
 *   then compared value by value, as categories would be);
 * - otherwise the edges are the reference quantiles at 1/B, …, (B−1)/B (linear interpolation
 *   between order statistics, numpy's default "linear" method), duplicates removed.
 *
 * Bins are right-closed and open-ended: bin 0 = (−∞, e₀], bin i = (eᵢ₋₁, eᵢ], last = (e_last, +∞),
 * so every finite value of any window has a bin, values beyond the reference range included.
 * An empty reference yields no edges (a single bin).
 */
export function referenceBinEdges(sorted: ArrayLike<number>, bins = DEFAULT_BINS): Float64Array {
  if (!Number.isInteger(bins) || bins < 2) throw new InvalidParameterError('bins', bins, 'an integer ≥ 2');
  const n = sorted.length;
  if (n === 0) return new Float64Array(0);
  const distinct: number[] = [];
  for (let i = 0; i < n && distinct.length <= bins; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  }
  if (distinct.length <= bins) return Float64Array.from(distinct);
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const q = linearQuantile(sorted, i / bins);
    if (edges.length === 0 || q > edges[edges.length - 1]) edges.push(q);
  }
  return Float64Array.from(edges);
}

/** numpy's default ("linear", Hyndman–Fan type 7) quantile of sorted values. */
export function linearQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * q;
  const lo = Math.floor(position);
  const hi = Math.min(lo + 1, n - 1);
  const t = position - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  const diff = b - a;
  // numpy's lerp: interpolate from the nearer end to stay monotone
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Index of the bin holding x: the number of edges strictly below x. */
export function binIndex(edges: Float64Array, x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Human-readable label of bin i, e.g. "(-inf, 0.5]". */
export function binLabel(edges: Float64Array, i: number): string {
  const lo = i === 0 ? '-inf' : String(edges[i - 1]);
  const hi = i === edges.length ? 'inf' : String(edges[i]);
  return i === edges.length ? `(${lo}, +inf)` : `(${lo}, ${hi}]`;
}
