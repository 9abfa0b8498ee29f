import type { WeightedSupport } from '../sketch';

/**
 * Distances between two empirical distributions given as weighted supports (exact data has unit
 * weights). Both walk the merged support once: O(|a| + |b|).
 */

/** sup_x |F_a(x) − F_b(x)|: the two-sided Kolmogorov–Smirnov statistic. */
export function ecdfMaxDistance(a: WeightedSupport, b: WeightedSupport): number {
  let i = 0;
  let j = 0;
  let ca = 0;
  let cb = 0;
  let best = 0;
  const na = a.values.length;
  const nb = b.values.length;
  while (i < na || j < nb) {
    const x = j >= nb || (i < na && a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
    if (i < na && a.values[i] === x) ca += a.weights[i++];
    if (j < nb && b.values[j] === x) cb += b.weights[j++];
    const d = Math.abs(ca / a.total - cb / b.total);
    if (d > best) best = d;
  }
  return best;
}

/**
 * Wasserstein-1 (earth mover's) distance W₁ = ∫ |F_a(x) − F_b(x)| dx (Vaserstein 1969; for
 * one dimension the L¹ distance between CDFs), as scipy.stats.wasserstein_distance.
 */
export function wasserstein1(a: WeightedSupport, b: WeightedSupport): number {
  let i = 0;
  let j = 0;
  let ca = 0;
  let cb = 0;
  let area = 0;
  let previous = Number.NaN;
  const na = a.values.length;
  const nb = b.values.length;
  while (i < na || j < nb) {
    const x = j >= nb || (i < na && a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
    if (!Number.isNaN(previous)) area += Math.abs(ca / a.total - cb / b.total) * (x - previous);
    if (i < na && a.values[i] === x) ca += a.weights[i++];
    if (j < nb && b.values[j] === x) cb += b.weights[j++];
    previous = x;
  }
  return area;
}
