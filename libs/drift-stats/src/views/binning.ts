import { FeatureTypeMismatchError, SchemaMismatchError } from '../errors';
import { binIndex, binLabel, DEFAULT_BINS, referenceBinEdges } from '../profile/bin-edges';
import type { CategoricalView, FeatureView, NumericalView } from './feature-view';
import { OTHER_CATEGORY } from './feature-view';

/** Reference and current counts over the same buckets (bins or categories). */
export interface AlignedCounts {
  /** Bucket labels: categories (sorted, "other" last) or bin labels like "(0.5, 1]". */
  readonly keys: readonly string[];
  readonly reference: Float64Array;
  readonly current: Float64Array;
  readonly referenceTotal: number;
  readonly currentTotal: number;
}

/**
 * The shared binning step of every binned test (PSI, KL, Jensen–Shannon, Hellinger, total
 * variation, L∞, chi-square, z-test).
 *
 * - Categorical: the union of both sides' categories, so categories unseen in the reference
 *   (or absent from the current window) are counted, never dropped.
 * - Numerical: the reference's bins (see profile/bin-edges.ts). Profiles carry histograms on
 *   those edges; raw values are binned on the edges of whichever side is a profile, or on edges
 *   derived from raw reference values with `bins` bins.
 */
export function alignCounts(reference: FeatureView, current: FeatureView, bins = DEFAULT_BINS): AlignedCounts {
  if (reference.kind !== current.kind) {
    throw new FeatureTypeMismatchError(reference.feature ?? current.feature, reference.featureType, current.featureType);
  }
  return reference.kind === 'numerical'
    ? alignNumerical(reference, current as NumericalView, bins)
    : alignCategorical(reference, current as CategoricalView);
}

function alignCategorical(reference: CategoricalView, current: CategoricalView): AlignedCounts {
  const keySet = new Set<string>();
  for (const k of reference.counts.keys()) keySet.add(k);
  for (const k of current.counts.keys()) keySet.add(k);
  keySet.delete(OTHER_CATEGORY);
  const keys = [...keySet].sort();
  if (reference.counts.has(OTHER_CATEGORY) || current.counts.has(OTHER_CATEGORY)) keys.push(OTHER_CATEGORY);
  const ref = new Float64Array(keys.length);
  const cur = new Float64Array(keys.length);
  keys.forEach((k, i) => {
    ref[i] = reference.counts.get(k) ?? 0;
    cur[i] = current.counts.get(k) ?? 0;
  });
  return { keys, reference: ref, current: cur, referenceTotal: sum(ref), currentTotal: sum(cur) };
}

function alignNumerical(reference: NumericalView, current: NumericalView, bins: number): AlignedCounts {
  const feature = reference.feature ?? current.feature;
  let edges: Float64Array;
  if (reference.histogram !== null) edges = reference.histogram.edges;
  else if (current.histogram !== null) edges = current.histogram.edges;
  else edges = referenceBinEdges(reference.sorted ?? new Float64Array(0), bins);
  const ref = countsOn(reference, edges, feature);
  const cur = countsOn(current, edges, feature);
  const keys = Array.from({ length: edges.length + 1 }, (_, i) => binLabel(edges, i));
  return { keys, reference: ref, current: cur, referenceTotal: sum(ref), currentTotal: sum(cur) };
}

function countsOn(view: NumericalView, edges: Float64Array, feature: string | undefined): Float64Array {
  if (view.histogram !== null && sameEdges(view.histogram.edges, edges)) return view.histogram.counts;
  if (view.sorted !== null) return histogramOf(view.sorted, edges);
  throw new SchemaMismatchError(feature, 'bin edges differ between reference and current profiles');
}

/** Counts of values per right-closed bin (edges as in profile/bin-edges.ts). */
export function histogramOf(values: ArrayLike<number>, edges: Float64Array): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  for (let i = 0; i < values.length; i++) counts[binIndex(edges, values[i])]++;
  return counts;
}

function sameEdges(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sum(xs: Float64Array): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
}

/** Default smoothing: empty buckets get this proportion before logs are taken. */
export const ZERO_BIN_PROPORTION = 1e-4;

/** Proportions c/total (all zeros when total is 0). */
export function proportions(counts: Float64Array, total: number): Float64Array {
  const p = new Float64Array(counts.length);
  if (total > 0) for (let i = 0; i < counts.length; i++) p[i] = counts[i] / total;
  return p;
}

/**
 * Zero-bin smoothing shared by PSI, KL and Jensen–Shannon: proportions with every empty bucket
 * set to 1e-4 (no renormalization), so logs stay finite when a bucket is empty on one side.
 * The same convention as Evidently; the effect is bounded by 1e-4 · log(1e-4) per bucket.
 */
export function smoothedProportions(counts: Float64Array, total: number, epsilon = ZERO_BIN_PROPORTION): Float64Array {
  const p = proportions(counts, total);
  for (let i = 0; i < p.length; i++) if (p[i] === 0) p[i] = epsilon;
  return p;
}
