import type { ColumnDriftOptions } from '@mlops/drift-stats';
import type { DetectorMethod } from '../detectors/streaming-detectors';

/** The kinds of drift a window can show, beyond `none` (see classifyDriftType in @mlops/contracts). */
export const DRIFT_KINDS = ['data', 'prediction', 'concept', 'data_and_concept'] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

/**
 * What the service does about a window of one drift kind:
 * - `retrain`: count the window towards a retrain request;
 * - `retrain_when_labeled`: the same, but only when the window has at least `minLabeled` labels
 *   (data drift: retrain on data that includes the new region once it is labeled);
 * - `alert`: report it (drift.reports, Prometheus) and nothing more;
 * - `ignore`: report it, and do not even count it as drift for the streak.
 */
export const DRIFT_RESPONSES = ['retrain', 'retrain_when_labeled', 'alert', 'ignore'] as const;
export type DriftResponse = (typeof DRIFT_RESPONSES)[number];

/**
 * What a streaming detector's drift means to the policy (see decideRetrain):
 * - `ignore` (default): reported (DriftReport, Prometheus, an alert), nothing more;
 * - `evidence`: a window where a detector signalled counts as concept drift for the streak, but a
 *   streak asks for retraining only when the window-metric rule found concept drift in at least
 *   one of its windows: detectors can bring a request forward, never make one alone;
 * - `sufficient`: a detector's drift alone asks for retraining (no streak; cooldown applies).
 */
export const DETECTOR_DRIFT_USES = ['ignore', 'evidence', 'sufficient'] as const;
export type DetectorDriftUse = (typeof DETECTOR_DRIFT_USES)[number];

/** Metrics where lower is better; every other metric is higher-is-better. */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['log_loss', 'mae', 'mse', 'rmse', 'mape']);

/** The retrain policy of one model, after defaults, the file and the environment are applied. */
export interface RetrainPolicy {
  /** Dataset drift when strictly more than this share of the features drifted. */
  readonly datasetDriftShare: number;
  /** Largest tolerated relative degradation of a metric against its baseline (0.1 = 10%). */
  readonly performanceDrop: number;
  /** The metric that decides concept drift; default accuracy (classification) or rmse (regression). */
  readonly primaryMetric?: string;
  /** Positive class for f1, roc_auc and log_loss; without it only label-free metrics (accuracy) are compared. */
  readonly positiveLabel?: string | number | boolean;
  /** A window with fewer predictions is reported as too small, never as drift. */
  readonly minSamples: number;
  /** Performance decides (and `retrain_when_labeled` fires) only with at least this many labels. */
  readonly minLabeled: number;
  /** Consecutive windows that must call for retraining before a request is made. */
  readonly consecutiveWindows: number;
  /** Event time between the end of a requested window and the next request's window end. */
  readonly cooldownMs: number;
  readonly responses: Readonly<Record<DriftKind, DriftResponse>>;
  /** Streaming detectors on the error stream; unset: ADWIN (see detectorsFor); empty: none. */
  readonly detectors?: readonly DetectorMethod[];
  readonly detectorDrift: DetectorDriftUse;
  /** Per-feature stat test, threshold and effect floor (drift-stats' ColumnDriftOptions). */
  readonly columns: Readonly<Record<string, ColumnDriftOptions>>;
}

/** The built-in defaults; the README explains each. */
export const DEFAULT_RETRAIN_POLICY: RetrainPolicy = {
  datasetDriftShare: 0.1,
  performanceDrop: 0.1,
  minSamples: 1000,
  minLabeled: 200,
  consecutiveWindows: 2,
  cooldownMs: 24 * 3_600_000,
  responses: { concept: 'retrain', data_and_concept: 'retrain', data: 'retrain_when_labeled', prediction: 'alert' },
  // Reported and alerted on, not acted on: bringing the request forward by a window trains on a
  // window that is still mostly the old concept (measured: the e2e challenger reached 0.64
  // accuracy instead of 0.94), so acting on detectors is opt-in.
  detectorDrift: 'ignore',
  columns: {},
};

/** Policies by model, with the defaults for models the file does not name. */
export class RetrainPolicies {
  constructor(
    readonly defaults: RetrainPolicy,
    private readonly byModel: ReadonlyMap<string, RetrainPolicy> = new Map(),
  ) {}

  for(model: string): RetrainPolicy {
    return this.byModel.get(model) ?? this.defaults;
  }

  models(): string[] {
    return [...this.byModel.keys()];
  }
}

/**
 * The detectors a model version runs: the policy's, else ADWIN — on a classifier's 0/1 errors
 * and on a regression's absolute errors alike (DDM skips errors outside [0, 1]) (its bound adapts to the variance, so no scale to
 * tune). DDM, the classic for 0/1 errors, is not the default: with River's defaults it signalled
 * on stable simulated streams (in the first window, where its minimum error rate rests on a few
 * dozen labels, and later too even with a 1000-label warm start), while ADWIN stayed silent on
 * them and found the Agrawal concept switch 68 labels after it (merge/evaluate-window.spec.ts).
 */
export function detectorsFor(policy: RetrainPolicy): readonly DetectorMethod[] {
  return policy.detectors ?? DEFAULT_DETECTORS;
}

export const DEFAULT_DETECTORS: readonly DetectorMethod[] = ['adwin'];
