import { InvalidParameterError, UnsupportedFeatureTypeError } from '../errors';
import type { FeatureView } from '../views';
import type { DecisionBasis, StatTestMeta, StatTestOptions, StatTestResult } from './stat-test.types';

export interface RawOutcome {
  readonly score: number;
  readonly pValue?: number;
  readonly effectSize?: number;
  readonly approximate?: boolean;
}

/**
 * Turn a test's numbers into a decision.
 * - p-value basis: drifted ⟺ p ≤ threshold (and effectSize ≥ minEffect when given);
 * - score basis: drifted ⟺ score ≥ threshold.
 * Thresholds must be finite and non-negative; p-value thresholds at most 1.
 */
export function decide(meta: StatTestMeta, raw: RawOutcome, threshold: number | undefined, options: StatTestOptions = {}): StatTestResult {
  const basis = basisOf(meta, options);
  const t = resolveThreshold(meta, basis, threshold, options.feature);
  let drifted: boolean;
  if (basis === 'p-value') {
    drifted = (raw.pValue ?? 1) <= t;
    if (drifted && options.minEffect !== undefined) drifted = (raw.effectSize ?? 0) >= options.minEffect;
  } else {
    drifted = raw.score >= t;
  }
  return {
    method: meta.method,
    score: raw.score,
    ...(raw.pValue !== undefined ? { pValue: raw.pValue } : {}),
    threshold: t,
    drifted,
    decidedBy: basis,
    ...(raw.effectSize !== undefined ? { effectSize: raw.effectSize } : {}),
    ...(raw.approximate ? { approximate: true } : {}),
  };
}

/** The defined result when a side has no valid value: score 0, p-value 1, not drifted. */
export function insufficientData(meta: StatTestMeta, threshold: number | undefined, options: StatTestOptions = {}): StatTestResult {
  const basis = basisOf(meta, options);
  return {
    method: meta.method,
    score: 0,
    ...(meta.kind === 'p-value' ? { pValue: 1 } : {}),
    threshold: resolveThreshold(meta, basis, threshold, options.feature),
    drifted: false,
    decidedBy: basis,
    insufficientData: true,
  };
}

/** Throws UnsupportedFeatureTypeError (naming the feature) if the test cannot read this view. */
export function assertSupported(meta: StatTestMeta, view: FeatureView, feature?: string): void {
  if (!meta.featureTypes.includes(view.featureType)) {
    throw new UnsupportedFeatureTypeError(meta.method, view.featureType, meta.featureTypes, view.feature ?? feature);
  }
}

function basisOf(meta: StatTestMeta, options: StatTestOptions): DecisionBasis {
  if (meta.kind === 'distance') return 'score';
  return options.decideOn ?? 'p-value';
}

function resolveThreshold(meta: StatTestMeta, basis: DecisionBasis, threshold: number | undefined, feature?: string): number {
  const t = threshold ?? (basis === 'p-value' || meta.kind === 'distance' ? meta.defaultThreshold : null);
  if (t === null || t === undefined) {
    throw new InvalidParameterError('threshold', threshold, `an explicit threshold for ${meta.method} on the ${basis}`, feature);
  }
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || (basis === 'p-value' && t > 1)) {
    throw new InvalidParameterError('threshold', t, basis === 'p-value' ? 'a p-value in [0, 1]' : 'a finite number ≥ 0', feature);
  }
  return t;
}
