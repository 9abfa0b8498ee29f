import type { FeatureSpec } from '../profile/feature-spec';
import { getStatTest } from '../stat-tests/registry';
import type { StatMethod } from '../stat-tests/stat-test.types';

/** References up to this many valid values count as "small": hypothesis tests are used. */
export const SMALL_REFERENCE_MAX = 1000;

/** A method with its threshold (and, for hypothesis tests, an optional effect-size floor). */
export interface MethodChoice {
  readonly method: StatMethod;
  readonly threshold: number;
  readonly minEffect?: number;
}

export interface DefaultMethodOptions {
  /** Add each hypothesis test's default effect-size floor (default true). */
  readonly effectAware?: boolean;
}

/**
 * The default method for a feature, from its reference spec and reference size n (valid values).
 *
 * | reference feature                                   | n ≤ 1000                  | n > 1000                   |
 * | --------------------------------------------------- | ------------------------- | -------------------------- |
 * | binary: boolean, ≤ 2 categories, ≤ 2 distinct numbers | z-test, p ≤ 0.05 (h ≥ 0.2) | Jensen–Shannon ≥ 0.1       |
 * | categorical (> 2 categories), numerical ≤ 5 distinct | chi-square, p ≤ 0.05 (V ≥ 0.1) | Jensen–Shannon ≥ 0.1  |
 * | numerical with > 5 distinct values                  | KS, p ≤ 0.05 (D ≥ 0.1)    | normed Wasserstein ≥ 0.1   |
 *
 * The floors in parentheses apply when `effectAware` (the default): a p-value flags drift only
 * if the difference is also large enough to matter, so growing windows do not turn negligible
 * differences into alerts. Without them the rule is Evidently's.
 */
export function defaultMethod(spec: FeatureSpec, referenceCount: number, options: DefaultMethodOptions = {}): MethodChoice {
  const effectAware = options.effectAware ?? true;
  const small = referenceCount <= SMALL_REFERENCE_MAX;
  const cardinality = spec.type === 'numerical' ? (spec.distinct ?? Infinity) : spec.type === 'boolean' ? 2 : spec.categories.length;
  const binary = spec.type === 'boolean' || cardinality <= 2;
  const discrete = spec.type !== 'numerical' || cardinality <= 5;
  if (!small) {
    return discrete ? { method: 'jensen-shannon', threshold: 0.1 } : { method: 'wasserstein-normed', threshold: 0.1 };
  }
  const method: StatMethod = binary ? 'z-test' : discrete ? 'chi-square' : 'ks';
  const meta = getStatTest(method).meta;
  return {
    method,
    threshold: meta.defaultThreshold ?? 0.05,
    ...(effectAware && meta.effectSize ? { minEffect: meta.effectSize.defaultMinimum } : {}),
  };
}
