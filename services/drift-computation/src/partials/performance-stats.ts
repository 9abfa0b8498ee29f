import { ClassificationStats, RegressionStats } from '@mlops/drift-stats';
import type { Baseline } from '../baselines/baseline';
import type { LabelValue, MonitoredLabeledPrediction } from '../events/monitored-event';

/** Mergeable performance accumulator of a window: confusion matrix and score histogram, or regression sums. */
export type PerformanceStats = ClassificationStats | RegressionStats;

/** Score histogram bins for ROC AUC (bound ≈ density / (2 · bins)); small, as partials travel through Kafka. */
const SCORE_BINS = 100;

/** The accumulator matching the baseline's task; null when the baseline has no prediction column. */
export function createPerformanceStats(baseline: Baseline, positiveLabel: LabelValue | undefined): PerformanceStats | null {
  if (baseline.task === 'regression') return new RegressionStats();
  if (baseline.task === 'classification') return new ClassificationStats({ positiveLabel: positiveLabel ?? 1, bins: SCORE_BINS });
  return null;
}

/**
 * Adds one labeled prediction. The score passed for binary metrics is the probability of the
 * positive class, read from `probabilities` (unambiguous) when the producer sent them.
 */
export function addLabeled(stats: PerformanceStats, event: MonitoredLabeledPrediction, positiveLabel: LabelValue | undefined): void {
  if (stats instanceof RegressionStats) {
    stats.update(typeof event.label === 'number' ? event.label : Number(event.label), typeof event.predicted === 'number' ? event.predicted : Number(event.predicted));
    return;
  }
  const probability = positiveLabel === undefined ? undefined : event.probabilities?.[String(positiveLabel)];
  stats.update(event.label, event.predicted, typeof probability === 'number' ? probability : undefined);
}

export function performanceFromJSON(json: unknown): PerformanceStats {
  const kind = (json as { kind?: unknown } | null)?.kind;
  return kind === 'regression' ? RegressionStats.fromJSON(json) : ClassificationStats.fromJSON(json);
}

/** Folds `source` into `target` (same task: the partials of one model version). */
export function mergePerformance(target: PerformanceStats, source: PerformanceStats): void {
  if (target instanceof ClassificationStats && source instanceof ClassificationStats) target.merge(source);
  else if (target instanceof RegressionStats && source instanceof RegressionStats) target.merge(source);
  else throw new Error('cannot merge classification and regression statistics');
}
