import type { FeatureType } from '../profile/feature-schema';
import type { WeightedSupport } from '../sketch';

/**
 * What a stat test reads: a read-only summary of one side (reference or current) of one
 * feature, made from raw values or from a profile. Views are the single input shape of every
 * test, so a test never cares whether it was given an array or a profile.
 */
export type FeatureView = NumericalView | CategoricalView;

interface ViewBase {
  /** Feature name, for error messages and reports. */
  readonly feature?: string;
  /** Valid values. */
  readonly count: number;
  /** null, undefined and NaN values. */
  readonly missing: number;
  /** Wrong-typed values and ±Infinity. */
  readonly invalid: number;
}

export interface NumericalView extends ViewBase {
  readonly kind: 'numerical';
  readonly featureType: 'numerical';
  readonly mean: number;
  /** Population variance (divisor n). */
  readonly variance: number;
  readonly min: number;
  readonly max: number;
  /** Distribution of valid values: exact (unit weights) or from a quantile sketch. */
  readonly distribution: WeightedSupport;
  /** True when `distribution` holds every valid value with its multiplicity. */
  readonly exact: boolean;
  /** Histogram on reference edges, when the source is a profile. */
  readonly histogram: Histogram | null;
  /** Sorted valid values when the view is exact (raw data), else null. */
  readonly sorted: Float64Array | null;
}

export interface Histogram {
  /** Right-closed bin edges; bins = edges.length + 1 (see profile/bin-edges.ts). */
  readonly edges: Float64Array;
  readonly counts: Float64Array;
}

export interface CategoricalView extends ViewBase {
  readonly kind: 'categorical';
  readonly featureType: Exclude<FeatureType, 'numerical'>;
  /** Category → count; overflow beyond the category cap is under {@link OTHER_CATEGORY}. */
  readonly counts: ReadonlyMap<string, number>;
}

/** The bucket that collects categories beyond a profile's category cap. */
export const OTHER_CATEGORY = '__other__';

/** Anything that can produce a view: a feature profile. */
export interface ViewSource {
  toView(): FeatureView;
}
