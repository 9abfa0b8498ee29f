import {
  CategoricalFeatureSpec,
  DISTINCT_CAP,
  FeatureSpec,
  KllSketch,
  NumericalFeatureSpec,
  REFERENCE_DEFAULTS,
  supportQuantile,
} from '@mlops/drift-stats';
import type { PlannedColumn } from '../schema/column-plan';
import type { BatchValues } from './column-batch';
import { topCategories } from './top-categories';

/** Distinct categories counted per column while deciding the reference categories. */
const CATEGORY_TRACK_LIMIT = 100_000;

interface NumericalState {
  readonly sketch: KllSketch;
  readonly distinct: Set<number>;
}

/**
 * Bounded-memory first pass over a reference too large to keep: what ReferenceProfile needs to
 * fix its specs (bin edges, distinct count, categories), from a KLL sketch and capped counts
 * instead of every value. The bin edges are then approximate reference quantiles (within the
 * sketch's rank error); low-cardinality columns (≤ bins distinct values) still get exact edges.
 */
export class SpecSketches {
  private readonly numerical: (NumericalState | null)[];
  private readonly categories: (Map<string, number> | null)[];

  constructor(
    readonly columns: readonly PlannedColumn[],
    private readonly bins: number,
    seed: number,
  ) {
    this.numerical = columns.map((c, i) => (c.type === 'numerical' ? { sketch: new KllSketch(REFERENCE_DEFAULTS.sketchK, seed + i), distinct: new Set() } : null));
    this.categories = columns.map((c) => (c.type === 'categorical' ? new Map() : null));
  }

  add(c: number, values: BatchValues): void {
    const numerical = this.numerical[c];
    const counts = this.categories[c];
    if (numerical !== null && values instanceof Float64Array) {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (!Number.isFinite(v)) continue;
        numerical.sketch.update(v);
        if (numerical.distinct.size <= DISTINCT_CAP) numerical.distinct.add(v);
      }
    } else if (counts !== null && !(values instanceof Float64Array)) {
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === null) continue;
        const n = counts.get(v);
        if (n !== undefined) counts.set(v, n + 1);
        else if (counts.size < CATEGORY_TRACK_LIMIT) counts.set(v, 1);
      }
    }
  }

  specs(): FeatureSpec[] {
    return this.columns.map((column, c) => {
      const numerical = this.numerical[c];
      if (numerical !== null) {
        const spec: NumericalFeatureSpec = {
          name: column.name,
          type: 'numerical',
          role: column.role,
          edges: this.edges(numerical),
          distinct: numerical.distinct.size,
          sketchK: REFERENCE_DEFAULTS.sketchK,
          sampleSize: REFERENCE_DEFAULTS.sampleSize,
        };
        return spec;
      }
      const spec: CategoricalFeatureSpec = {
        name: column.name,
        type: column.type === 'boolean' ? 'boolean' : 'categorical',
        role: column.role,
        categories: column.type === 'boolean' ? ['false', 'true'] : topCategories(this.categories[c] ?? new Map(), REFERENCE_DEFAULTS.maxCategories),
        maxCategories: REFERENCE_DEFAULTS.maxCategories,
      };
      return spec;
    });
  }

  private edges(state: NumericalState): number[] {
    if (state.distinct.size <= this.bins) return [...state.distinct].sort((a, b) => a - b);
    const support = state.sketch.support();
    const edges: number[] = [];
    for (let i = 1; i < this.bins; i++) {
      const q = supportQuantile(support, i / this.bins);
      if (edges.length === 0 || q > edges[edges.length - 1]) edges.push(q);
    }
    return edges;
  }
}
