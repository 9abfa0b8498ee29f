import type { ColumnDriftOptions } from '@mlops/drift-stats';

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
