import type { FeatureRole, FeatureType } from '../profile/feature-schema';
import type { DecisionBasis, StatMethod, StatTestResult } from '../stat-tests/stat-test.types';

/** Per-column choice; anything left out comes from the default rule (selection/default-method.ts). */
export interface ColumnDriftOptions {
  readonly method?: StatMethod;
  readonly threshold?: number;
  /** Effect-size floor for hypothesis tests; null to disable it for this column. */
  readonly minEffect?: number | null;
  /** 'score' to use a (calibrated) threshold on the score of a hypothesis test. */
  readonly decideOn?: DecisionBasis;
}

export interface DriftEvaluationOptions {
  /** Per-feature method/threshold, by feature name. */
  readonly columns?: Readonly<Record<string, ColumnDriftOptions>>;
  /** Dataset drift when strictly more than this share of evaluated features drifted (default 0.1). */
  readonly datasetDriftShare?: number;
  /** Apply default effect-size floors to default hypothesis tests (default true). */
  readonly effectAware?: boolean;
}

export interface ColumnDriftResult extends StatTestResult {
  readonly name: string;
  readonly type: FeatureType;
  readonly role: FeatureRole;
  readonly referenceCount: number;
  readonly currentCount: number;
  /** Share of the current window's values that were missing or invalid. */
  readonly currentMissingShare: number;
}

export interface DatasetDriftSummary {
  /** Drifted / evaluated features (role "feature", with data on both sides). */
  readonly share: number;
  readonly threshold: number;
  readonly drifted: boolean;
  readonly driftedCount: number;
  readonly evaluatedCount: number;
  /** Features without valid values on one side (not counted in the share). */
  readonly skippedCount: number;
}

export interface DriftEvaluation {
  /** Every column of the schema, features first as in the schema. */
  readonly columns: readonly ColumnDriftResult[];
  readonly datasetDrift: DatasetDriftSummary;
  /** The first column with role "prediction", if any. */
  readonly predictionDrift: ColumnDriftResult | null;
  /** The first column with role "label", if any. */
  readonly labelDrift: ColumnDriftResult | null;
}
