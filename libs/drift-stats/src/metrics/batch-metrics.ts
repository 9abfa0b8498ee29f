import {
  ClassificationMetrics,
  ClassificationStats,
  ClassificationStatsOptions,
} from './classification.stats';
import type { Label } from './label';
import { RegressionMetrics, RegressionStats } from './regression.stats';

/** Classification metrics of whole arrays (one-shot form of {@link ClassificationStats}). */
export function classificationMetrics(
  yTrue: ArrayLike<Label | null | undefined>,
  yPred: ArrayLike<Label | null | undefined>,
  scores?: ArrayLike<number | null | undefined>,
  options?: ClassificationStatsOptions,
): ClassificationMetrics {
  return new ClassificationStats(options).updateMany(yTrue, yPred, scores).compute();
}

/** Regression metrics of whole arrays (one-shot form of {@link RegressionStats}). */
export function regressionMetrics(
  yTrue: ArrayLike<number | null | undefined>,
  yPred: ArrayLike<number | null | undefined>,
): RegressionMetrics {
  return new RegressionStats().updateMany(yTrue, yPred).compute();
}
