// Public entry of the performance metrics (re-exported by the lib's src/index.ts).
export { ExactSum } from './exact-sum';
export type { Label, NormalizedLabel } from './label';
export { InvalidMetricOptionError, IncompatibleStatsError, InvalidStatsJsonError } from './metric.errors';
export { rocAuc, aucFromHistogram } from './roc-auc';
export type { HistogramAuc } from './roc-auc';
export { ClassificationStats } from './classification.stats';
export type {
  ClassificationStatsOptions,
  ClassificationMetrics,
  ClassificationStatsJson,
  ClassMetrics,
} from './classification.stats';
export { RegressionStats } from './regression.stats';
export type { RegressionMetrics, RegressionStatsJson } from './regression.stats';
export { classificationMetrics, regressionMetrics } from './batch-metrics';
