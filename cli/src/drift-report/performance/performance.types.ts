import type { ClassificationMetrics, Label, RegressionMetrics } from '@mlops/drift-stats';

export type Task = 'classification' | 'regression';

/** How performance is measured: which planned columns hold the target and the prediction. */
export interface PerformancePlan {
  readonly task: Task;
  /** Positions in the planned columns. */
  readonly targetColumn: number;
  readonly predictionColumn: number;
  /** Compare labels as text (when target and prediction types differ, e.g. 1 vs "1"). */
  readonly labelsAsText: boolean;
  readonly positiveLabel: Label;
}

export type PerformanceMetrics =
  | { readonly task: 'classification'; readonly metrics: ClassificationMetrics }
  | { readonly task: 'regression'; readonly metrics: RegressionMetrics };
