import { NumericalView, sortedNumericalView } from '@mlops/drift-stats';
import { radixSortFloat64 } from './radix-sort';

/** A numerical column's valid values, sorted, and how many cells were missing or invalid. */
export interface SortedColumn {
  readonly sorted: Float64Array;
  readonly missing: number;
  readonly invalid: number;
}

/**
 * Sorts a numerical column (NaN = missing, ±Infinity = invalid) in place: valid values first,
 * ascending. The column is read once, sorted once and never copied.
 */
export function sortColumn(values: Float64Array): SortedColumn {
  let n = 0;
  let missing = 0;
  let invalid = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v === 0) values[n++] = v;
    else if (v !== v) missing++;
    else invalid++;
  }
  return { sorted: radixSortFloat64(values.subarray(0, n)), missing, invalid };
}

/**
 * The exact view of one numerical column, as drift-stats' profiles give it when their sample
 * holds every value: counts, mean and population variance, min and max, the sorted values, their
 * distinct support, and the histogram on `edges` (right-closed bins, see drift-stats
 * bin-edges.ts). Mean and variance use compensated sums; they may differ from drift-stats'
 * exactly rounded moments in the last bits.
 */
export function exactNumericalView(feature: string, column: SortedColumn, edges: Float64Array): NumericalView {
  const { sorted, missing, invalid } = column;
  const n = sorted.length;
  const mean = n === 0 ? Number.NaN : compensatedSum(sorted, 0, false) / n;
  const variance = n === 0 ? Number.NaN : compensatedSum(sorted, mean, true) / n;
  return sortedNumericalView({ feature, sorted, missing, invalid, mean, variance, histogram: { edges: edges.slice(), counts: sortedHistogram(sorted, edges) } });
}

/** Σ(x − center), or Σ(x − center)² when `square`, with Neumaier's compensation. */
function compensatedSum(xs: Float64Array, center: number, square: boolean): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i] - center;
    const term = square ? d * d : d;
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/** Counts per bin: bin k holds the values in (edges[k−1], edges[k]]; the last bin the rest. */
export function sortedHistogram(sorted: Float64Array, edges: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  let below = 0;
  for (let k = 0; k < edges.length; k++) {
    const atOrBelow = upperBound(sorted, edges[k], below);
    counts[k] = atOrBelow - below;
    below = atOrBelow;
  }
  counts[edges.length] = sorted.length - below;
  return counts;
}

/** Index of the first value > x, searching from `from`. */
function upperBound(sorted: Float64Array, x: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
