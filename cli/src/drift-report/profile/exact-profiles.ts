import {
  CategoricalFeatureSpec,
  DISTINCT_CAP,
  FeatureProfile,
  NumericalFeatureSpec,
  REFERENCE_DEFAULTS,
  ReferenceProfile,
  referenceBinEdges,
  WINDOW_DEFAULTS,
  WindowProfile,
} from '@mlops/drift-stats';
import type { PlannedColumn } from '../schema/column-plan';
import { categoricalProfileFromCounts } from './categorical-from-counts';
import type { ColumnStore } from './column-store';
import { ExactNumericalProfile } from './exact-numerical-profile';
import { exactNumericalView, sortColumn } from './exact-numerical-view';
import { topCategories } from './top-categories';

export interface ExactProfileOptions {
  readonly bins: number;
  readonly seed: number;
  /** The current profile's sample size (what WindowProfile would have been given). */
  readonly exactRows: number;
}

/**
 * Reference and current profiles from every value of both files, as compareColumns would build
 * them (same bin edges, distinct counts, categories and default methods), but column-wise:
 * each numerical column is sorted once per file and its view read off the sorted values.
 * Categorical and boolean columns are counted per dictionary code, and their drift-stats
 * profiles restored from the counts.
 * The stores' numerical columns are reordered in place: they are not read again.
 */
export function exactProfiles(reference: ColumnStore, current: ColumnStore, columns: readonly PlannedColumn[], options: ExactProfileOptions): { reference: ReferenceProfile; current: WindowProfile } {
  const referenceFeatures: FeatureProfile[] = [];
  const currentFeatures: FeatureProfile[] = [];
  columns.forEach((column, i) => {
    if (column.type !== 'numerical') {
      const referenceCounts = reference.categoryCounts(i);
      const spec: CategoricalFeatureSpec = {
        name: column.name,
        type: column.type,
        role: column.role,
        categories: column.type === 'boolean' ? ['false', 'true'] : topCategories(referenceCounts.seen, REFERENCE_DEFAULTS.maxCategories),
        maxCategories: REFERENCE_DEFAULTS.maxCategories,
      };
      referenceFeatures.push(categoricalProfileFromCounts(spec, referenceCounts));
      currentFeatures.push(categoricalProfileFromCounts(spec, current.categoryCounts(i)));
      return;
    }
    const referenceColumn = sortColumn(reference.numbers(i));
    const sorted = referenceColumn.sorted;
    const edges = referenceBinEdges(sorted, options.bins);
    const spec: NumericalFeatureSpec = {
      name: column.name,
      type: 'numerical',
      role: column.role,
      edges: Array.from(edges),
      distinct: distinctCount(sorted),
      sketchK: REFERENCE_DEFAULTS.sketchK,
      sampleSize: Math.max(reference.rows, 1),
    };
    referenceFeatures.push(new ExactNumericalProfile(spec, exactNumericalView(column.name, referenceColumn, edges)));
    const currentSpec: NumericalFeatureSpec = { ...spec, sketchK: WINDOW_DEFAULTS.sketchK, sampleSize: options.exactRows };
    currentFeatures.push(new ExactNumericalProfile(currentSpec, exactNumericalView(column.name, sortColumn(current.numbers(i)), edges)));
  });
  return {
    reference: ReferenceProfile.restore(referenceFeatures, options.seed, reference.rows),
    current: WindowProfile.restore(currentFeatures, options.seed, current.rows),
  };
}

/** Distinct values of a sorted array, counted up to DISTINCT_CAP + 1 (drift-stats' rule). */
function distinctCount(sorted: Float64Array): number {
  let distinct = 0;
  for (let i = 0; i < sorted.length && distinct <= DISTINCT_CAP; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  }
  return distinct;
}
