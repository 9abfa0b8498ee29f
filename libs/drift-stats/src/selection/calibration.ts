import { InvalidParameterError } from '../errors';
import { linearQuantile } from '../profile/bin-edges';
import { CategoricalFeatureProfile } from '../profile/categorical-feature-profile';
import { NumericalFeatureProfile } from '../profile/numerical-feature-profile';
import type { FeatureProfile } from '../profile/feature-profile';
import { Mulberry32 } from '../random';
import { getStatTest } from '../stat-tests/registry';
import type { StatMethod } from '../stat-tests/stat-test.types';

export interface CalibrationOptions {
  readonly method: StatMethod;
  /** Size of the live windows the threshold will be used on. */
  readonly windowSize: number;
  /** Quantile of the null scores taken as threshold (default 0.99: ~1% false alarms). */
  readonly quantile?: number;
  /** Bootstrap windows drawn (default 200). */
  readonly iterations?: number;
  readonly seed?: number;
}

/** A threshold on the score, to use with `decideOn: 'score'`. */
export interface CalibratedThreshold {
  readonly method: StatMethod;
  readonly threshold: number;
  readonly decideOn: 'score';
  readonly quantile: number;
  readonly iterations: number;
  readonly windowSize: number;
  /** The bootstrap null scores, ascending. */
  readonly nullScores: readonly number[];
}

/**
 * Reference-calibrated threshold by seeded bootstrap: draw `iterations` windows of
 * `windowSize` values with replacement from the reference itself, score each against the
 * reference with `method`, and take the `quantile` of those null scores as the drift threshold.
 * A window from the reference's own distribution then exceeds it with probability
 * ≈ 1 − quantile, whatever the window size, the method's scale or the feature's shape — which is
 * what a fixed p-value cannot promise on large samples, nor a fixed distance on small ones.
 *
 * Draws come from the reference's reservoir sample (numerical; from the sketch when there is no
 * sample), from its exact category counts (categorical), or from raw values. With windows much
 * larger than the reference sample the null scores include the sample's own error and the
 * threshold is conservative.
 */
export function calibrateThreshold(reference: FeatureProfile | ArrayLike<unknown>, options: CalibrationOptions): CalibratedThreshold {
  const quantile = options.quantile ?? 0.99;
  const iterations = options.iterations ?? 200;
  const feature = isProfile(reference) ? reference.name : undefined;
  if (!Number.isInteger(options.windowSize) || options.windowSize < 1) {
    throw new InvalidParameterError('windowSize', options.windowSize, 'an integer ≥ 1', feature);
  }
  if (!(quantile > 0 && quantile < 1)) throw new InvalidParameterError('quantile', quantile, 'a number in (0, 1)', feature);
  if (!Number.isInteger(iterations) || iterations < 10) throw new InvalidParameterError('iterations', iterations, 'an integer ≥ 10', feature);
  const test = getStatTest(options.method, feature);
  const draw = sampler(reference, new Mulberry32(options.seed ?? 0));
  const scores: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const window = Array.from({ length: options.windowSize }, draw);
    scores.push(test.run(reference, window, Number.MAX_VALUE, { decideOn: 'score', feature }).score);
  }
  scores.sort((a, b) => a - b);
  return {
    method: options.method,
    threshold: linearQuantile(scores, quantile),
    decideOn: 'score',
    quantile,
    iterations,
    windowSize: options.windowSize,
    nullScores: scores,
  };
}

function isProfile(x: unknown): x is FeatureProfile {
  return x instanceof NumericalFeatureProfile || x instanceof CategoricalFeatureProfile;
}

function sampler(reference: FeatureProfile | ArrayLike<unknown>, rng: Mulberry32): () => unknown {
  if (reference instanceof CategoricalFeatureProfile) {
    const entries = [...reference.categoryCounts().entries()];
    return weightedDraw(entries.map(([k]) => k as unknown), entries.map(([, c]) => c), rng);
  }
  if (reference instanceof NumericalFeatureProfile) {
    const sample = reference.sample();
    if (sample.length > 0) return () => sample[rng.nextInt(sample.length)];
    const { distribution } = reference.toView();
    return weightedDraw(Array.from(distribution.values), Array.from(distribution.weights), rng);
  }
  const values: unknown[] = [];
  for (let i = 0; i < reference.length; i++) {
    const v = reference[i];
    if (v !== null && v !== undefined && !(typeof v === 'number' && !Number.isFinite(v))) values.push(v);
  }
  if (values.length === 0) return () => null;
  return () => values[rng.nextInt(values.length)];
}

function weightedDraw(items: unknown[], weights: number[], rng: Mulberry32): () => unknown {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  if (total === 0) return () => null;
  return () => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}
