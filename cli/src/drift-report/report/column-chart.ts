import { FeatureView, NumericalView, OTHER_CATEGORY, CategoricalView } from '@mlops/drift-stats';
import type { ColumnChart } from './drift-report.types';

export const HISTOGRAM_BINS = 20;
export const TOP_CATEGORIES = 12;
export const OTHERS_LABEL = '(others)';

/** The chart data of a column: overlaid histograms (numerical) or grouped bars (categories, and numbers with ≤ 12 distinct values). */
export function columnChart(reference: FeatureView, current: FeatureView): ColumnChart {
  if (reference.kind === 'numerical' && current.kind === 'numerical') return histogram(reference, current);
  if (reference.kind === 'categorical' && current.kind === 'categorical') return categories(reference, current);
  throw new Error(`views of different kinds for ${reference.feature ?? 'a column'}`);
}

function histogram(reference: NumericalView, current: NumericalView): ColumnChart {
  const values = fewDistinct(reference.distribution.values, current.distribution.values);
  if (values !== null) return numberBars(values, reference, current);
  const lows = [reference, current].filter((v) => v.count > 0).map((v) => v.min);
  const highs = [reference, current].filter((v) => v.count > 0).map((v) => v.max);
  if (lows.length === 0) return { kind: 'histogram', edges: [], reference: [], current: [] };
  const lo = Math.min(...lows);
  const hi = Math.max(...highs);
  const bins = hi > lo && Number.isFinite(hi - lo) ? HISTOGRAM_BINS : 1;
  const width = bins === 1 ? 0 : (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  return { kind: 'histogram', edges, reference: shares(reference, lo, width, bins), current: shares(current, lo, width, bins) };
}

/** The sorted distinct values of both sides when there are at most TOP_CATEGORIES of them, else null. */
function fewDistinct(a: Float64Array, b: Float64Array): number[] | null {
  if (a.length > TOP_CATEGORIES || b.length > TOP_CATEGORIES) return null; // supports are already distinct
  const values = new Set([...a, ...b]);
  return values.size > 0 && values.size <= TOP_CATEGORIES ? [...values].sort((x, y) => x - y) : null;
}

/** A numerical column with a handful of distinct values (a flag, a count): one bar per value. */
function numberBars(values: readonly number[], reference: NumericalView, current: NumericalView): ColumnChart {
  const share = (view: NumericalView, x: number) => {
    const { values: support, weights, total } = view.distribution;
    const i = support.indexOf(x);
    return i < 0 || total === 0 ? 0 : weights[i] / total;
  };
  return {
    kind: 'categories',
    categories: values.map((x) => String(x)),
    reference: values.map((x) => share(reference, x)),
    current: values.map((x) => share(current, x)),
  };
}

function shares(view: NumericalView, lo: number, width: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const { values, weights, total } = view.distribution;
  if (total === 0) return counts;
  for (let i = 0; i < values.length; i++) {
    const bin = width === 0 ? 0 : Math.min(bins - 1, Math.max(0, Math.floor((values[i] - lo) / width)));
    counts[bin] += weights[i];
  }
  return counts.map((c) => c / total);
}

function categories(reference: CategoricalView, current: CategoricalView): ColumnChart {
  const share = (view: CategoricalView, key: string) => (view.count === 0 ? 0 : (view.counts.get(key) ?? 0) / view.count);
  const keys = new Set([...reference.counts.keys(), ...current.counts.keys()]);
  keys.delete(OTHER_CATEGORY);
  const ranked = [...keys].sort((a, b) => Math.max(share(reference, b), share(current, b)) - Math.max(share(reference, a), share(current, a)) || (a < b ? -1 : 1));
  const shown = ranked.slice(0, TOP_CATEGORIES);
  const rest = ranked.slice(TOP_CATEGORIES);
  const other = (view: CategoricalView) => rest.reduce((sum, k) => sum + share(view, k), share(view, OTHER_CATEGORY));
  const hasOthers = rest.length > 0 || reference.counts.has(OTHER_CATEGORY) || current.counts.has(OTHER_CATEGORY);
  return {
    kind: 'categories',
    categories: hasOthers ? [...shown, OTHERS_LABEL] : shown,
    reference: [...shown.map((k) => share(reference, k)), ...(hasOthers ? [other(reference)] : [])],
    current: [...shown.map((k) => share(current, k)), ...(hasOthers ? [other(current)] : [])],
  };
}
