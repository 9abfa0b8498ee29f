export { evaluateDrift, DEFAULT_DATASET_DRIFT_SHARE } from './evaluate-drift';
export { compareColumns } from './compare-columns';
export type { CompareColumnsOptions } from './compare-columns';
export type {
  ColumnDriftOptions,
  DriftEvaluationOptions,
  ColumnDriftResult,
  DatasetDriftSummary,
  DriftEvaluation,
} from './drift-evaluation.types';
