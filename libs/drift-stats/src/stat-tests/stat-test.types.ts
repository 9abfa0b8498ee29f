import type { FeatureType } from '../profile/feature-schema';
import type { StatInput } from '../views';

/** Registered stat-test methods. */
export type StatMethod =
  | 'ks'
  | 'wasserstein'
  | 'wasserstein-normed'
  | 'anderson-darling'
  | 'psi'
  | 'jensen-shannon'
  | 'kl-divergence'
  | 'hellinger'
  | 'chi-square'
  | 'z-test'
  | 'l-infinity'
  | 'total-variation';

/** Which quantity the threshold applies to. */
export type DecisionBasis = 'p-value' | 'score';

/** The outcome of one stat test on one feature. */
export interface StatTestResult {
  readonly method: StatMethod;
  /** The test statistic or distance (see the method's metadata for its meaning and range). */
  readonly score: number;
  /** p-value, for hypothesis tests. */
  readonly pValue?: number;
  /** The threshold applied, on `decidedBy`. */
  readonly threshold: number;
  readonly drifted: boolean;
  /** What the threshold was compared with. */
  readonly decidedBy: DecisionBasis;
  /** A sample-size-free effect size, for hypothesis tests (see metadata `effectSize`). */
  readonly effectSize?: number;
  /** True when computed from sketches rather than every value. */
  readonly approximate?: boolean;
  /** True when a side had no valid value: score 0, p-value 1, never drifted. */
  readonly insufficientData?: boolean;
}

export interface StatTestOptions {
  /** Feature name, carried into errors. */
  readonly feature?: string;
  /**
   * Decide on the score instead of the p-value (hypothesis tests only), e.g. with a threshold
   * calibrated on the reference (see selection/calibration.ts). Distances always use the score.
   */
  readonly decideOn?: DecisionBasis;
  /**
   * Effect-size floor for p-value decisions: drift needs p ≤ threshold AND effectSize ≥ minEffect,
   * so large samples do not flag negligible differences.
   */
  readonly minEffect?: number;
  /** Bins for raw numerical values given to binned tests (default 10). */
  readonly bins?: number;
}

export interface StatTestMeta {
  readonly method: StatMethod;
  readonly name: string;
  readonly featureTypes: readonly FeatureType[];
  /** 'p-value': a hypothesis test (threshold on p); 'distance': threshold on the score. */
  readonly kind: 'p-value' | 'distance';
  /** Default threshold on the default basis; null when the score has units and none fits. */
  readonly defaultThreshold: number | null;
  /** Whether a larger score means more drift (true for every built-in test). */
  readonly higherIsDrift: true;
  readonly scoreRange: readonly [number, number];
  /** Swapping reference and current gives the same score and p-value. */
  readonly symmetric: boolean;
  /** What swapping reference and current does, in words. */
  readonly swap: string;
  /** Raw values vs bins: which input representation the test reads. */
  readonly reads: 'distribution' | 'bins';
  readonly effectSize?: { readonly name: string; readonly defaultMinimum: number };
  readonly references: string;
}

/** A stat test: pure function of (reference, current, threshold). */
export type StatTestFunction = (
  reference: StatInput,
  current: StatInput,
  threshold?: number,
  options?: StatTestOptions,
) => StatTestResult;

export interface StatTest {
  readonly meta: StatTestMeta;
  readonly run: StatTestFunction;
}
