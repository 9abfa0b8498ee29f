import { supportFromSorted } from '../sketch';
import type { Histogram, NumericalView } from './feature-view';

/** What an exact numerical view is built from: every valid value, sorted, and the moments as the caller computed them. */
export interface SortedNumericalColumn {
  readonly feature?: string;
  /** Every valid value, ascending. */
  readonly sorted: Float64Array;
  readonly missing: number;
  readonly invalid: number;
  readonly mean: number;
  /** Population variance (divisor n). */
  readonly variance: number;
  readonly histogram: Histogram | null;
}

/**
 * The exact view of a numerical column whose valid values are all at hand, sorted: count, min
 * and max, and the exact distribution follow from them (NaN statistics when there are none).
 */
export function sortedNumericalView(column: SortedNumericalColumn): NumericalView {
  const { feature, sorted, missing, invalid, mean, variance, histogram } = column;
  const n = sorted.length;
  return {
    kind: 'numerical',
    featureType: 'numerical',
    feature,
    count: n,
    missing,
    invalid,
    mean: n === 0 ? Number.NaN : mean,
    variance: n === 0 ? Number.NaN : variance,
    min: n === 0 ? Number.NaN : sorted[0],
    max: n === 0 ? Number.NaN : sorted[n - 1],
    distribution: supportFromSorted(sorted),
    exact: true,
    sorted,
    histogram,
  };
}
