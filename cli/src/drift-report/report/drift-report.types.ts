import type { DecisionBasis, FeatureRole, FeatureType, StatMethod } from '@mlops/drift-stats';
import type { PerformanceMetrics } from '../performance/performance.types';
import type { IgnoredColumn } from '../schema/column-plan';

export const DRIFT_REPORT_FORMAT = 'mlops.drift-report';
export const DRIFT_REPORT_VERSION = 1;

/** Summary statistics of a numerical column on one side (null where undefined, e.g. no values). */
export interface NumericalStats {
  readonly kind: 'numerical';
  readonly count: number;
  readonly missing: number;
  readonly invalid: number;
  readonly mean: number | null;
  readonly std: number | null;
  readonly min: number | null;
  readonly p25: number | null;
  readonly median: number | null;
  readonly p75: number | null;
  readonly max: number | null;
}

/** Summary statistics of a categorical or boolean column on one side. */
export interface CategoricalStats {
  readonly kind: 'categorical';
  readonly count: number;
  readonly missing: number;
  readonly invalid: number;
  readonly distinct: number;
  readonly top: string | null;
  readonly topShare: number | null;
}

export type ColumnStats = NumericalStats | CategoricalStats;

/**
 * What the charts draw, as shares of each side's valid values. Numerical: equal-width bins
 * (`edges` has one more entry than the shares) over both sides' range. Categorical: the most
 * frequent categories on either side, the rest summed into a last "(others)" bar when present.
 */
export type ColumnChart =
  | { readonly kind: 'histogram'; readonly edges: number[]; readonly reference: number[]; readonly current: number[] }
  | { readonly kind: 'categories'; readonly categories: string[]; readonly reference: number[]; readonly current: number[] };

export interface ColumnReport {
  readonly name: string;
  readonly type: FeatureType;
  readonly role: FeatureRole;
  readonly method: StatMethod;
  readonly score: number;
  /** Only for hypothesis tests. */
  readonly pValue?: number;
  readonly threshold: number;
  readonly drifted: boolean;
  /** Whether the threshold applies to the p-value or the score. */
  readonly decidedBy: DecisionBasis;
  readonly effectSize?: number;
  /** Computed from quantile sketches rather than every value. */
  readonly approximate: boolean;
  /** A side had no valid value: not tested, not counted in the dataset share. */
  readonly insufficientData: boolean;
  readonly reference: ColumnStats;
  readonly current: ColumnStats;
  readonly chart: ColumnChart;
}

export interface FileSummary {
  readonly file: string;
  readonly rows: number;
  /** Every value kept: statistics are exact (false past --exact-rows). */
  readonly exact: boolean;
}

export interface PerformanceReport {
  readonly task: PerformanceMetrics['task'];
  readonly target: string;
  readonly prediction: string;
  readonly reference: PerformanceMetrics['metrics'];
  readonly current: PerformanceMetrics['metrics'];
}

/** The `--json` document (stable: the README documents it). */
export interface DriftReportJson {
  readonly format: typeof DRIFT_REPORT_FORMAT;
  readonly version: typeof DRIFT_REPORT_VERSION;
  readonly generatedAt: string;
  readonly reference: FileSummary;
  readonly current: FileSummary;
  readonly settings: {
    readonly driftShare: number;
    readonly exactRows: number;
    readonly inferRows: number;
    readonly bins: number;
    readonly seed: number;
    readonly effectFloor: boolean;
  };
  readonly datasetDrift: {
    readonly share: number;
    readonly threshold: number;
    readonly drifted: boolean;
    readonly driftedCount: number;
    readonly evaluatedCount: number;
    readonly skippedCount: number;
  };
  /** Features first, then the prediction and the target. */
  readonly columns: ColumnReport[];
  readonly targetDrift: ColumnReport | null;
  readonly predictionDrift: ColumnReport | null;
  readonly performance: PerformanceReport | null;
  readonly ignoredColumns: readonly IgnoredColumn[];
}
