/**
 * A discrete distribution on the real line: ascending distinct values with positive weights.
 * Exact data is the special case of unit weights per observation (ties summed); a quantile
 * sketch yields the same shape with weights 2^level. Every distance over numerical features is
 * written once against this shape.
 */
export interface WeightedSupport {
  /** Ascending, distinct. */
  readonly values: Float64Array;
  /** Positive weights, same length as values. */
  readonly weights: Float64Array;
  /** Σ weights: the number of observations represented. */
  readonly total: number;
}

/** Collapse sorted values (with optional per-value weights) into a distinct support. */
export function supportFromSorted(sorted: ArrayLike<number>, weights?: ArrayLike<number>): WeightedSupport {
  const n = sorted.length;
  const values = new Float64Array(n);
  const w = new Float64Array(n);
  let m = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i];
    const wi = weights === undefined ? 1 : weights[i];
    total += wi;
    if (m > 0 && values[m - 1] === v) {
      w[m - 1] += wi;
    } else {
      values[m] = v;
      w[m] = wi;
      m++;
    }
  }
  return { values: values.slice(0, m), weights: w.slice(0, m), total };
}

/** Weighted quantile (inverse CDF, lower) of a support: smallest v with F(v) ≥ q. */
export function supportQuantile(support: WeightedSupport, q: number): number {
  const { values, weights, total } = support;
  if (values.length === 0) return Number.NaN;
  const target = q * total;
  let cumulative = 0;
  for (let i = 0; i < values.length; i++) {
    cumulative += weights[i];
    if (cumulative >= target) return values[i];
  }
  return values[values.length - 1];
}

/** Fraction of weight at or below x. */
export function supportRank(support: WeightedSupport, x: number): number {
  const { values, weights, total } = support;
  let cumulative = 0;
  for (let i = 0; i < values.length && values[i] <= x; i++) cumulative += weights[i];
  return total === 0 ? 0 : cumulative / total;
}
