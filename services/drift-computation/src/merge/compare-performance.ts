import { ClassificationStats, RegressionStats } from '@mlops/drift-stats';
import type { MetricComparison } from './metric-comparison';
import { LOWER_IS_BETTER, RetrainPolicy } from '../policy/retrain-policy';
import type { PerformanceStats } from '../partials/performance-stats';

/**
 * The window's metrics, named as the model lib records them at training (`accuracy`, `f1`,
 * `roc_auc`, `log_loss`; `mae`, `rmse`, `r2`). Binary metrics of a positive class only when the
 * policy names it; undefined metrics (no scores, one class) are left out.
 */
export function windowMetrics(stats: PerformanceStats, positiveLabelKnown: boolean): Record<string, number> {
  const out: Record<string, number | null> = {};
  if (stats instanceof RegressionStats) {
    const m = stats.compute();
    Object.assign(out, { mae: m.mae, rmse: m.rmse, r2: m.r2, mse: m.mse });
  } else if (stats instanceof ClassificationStats) {
    const m = stats.compute();
    out['accuracy'] = m.accuracy;
    if (positiveLabelKnown) Object.assign(out, { f1: m.f1, precision: m.precision, recall: m.recall, roc_auc: m.rocAuc, log_loss: m.logLoss });
  }
  return Object.fromEntries(Object.entries(out).filter((e): e is [string, number] => e[1] !== null && Number.isFinite(e[1])));
}

/** The primary metric of a task unless the policy names one. */
export function primaryMetricOf(policy: RetrainPolicy, task: 'classification' | 'regression'): string {
  return policy.primaryMetric ?? (task === 'regression' ? 'rmse' : 'accuracy');
}

/** Relative degradation of a metric against its baseline (positive = worse); absolute when the baseline is not positive. */
export function degradation(metric: string, current: number, baseline: number): number {
  const worse = LOWER_IS_BETTER.has(metric) ? current - baseline : baseline - current;
  return baseline > 0 ? worse / baseline : worse;
}

/**
 * Every metric measured in both the window and the baseline, each flagged when it is more than
 * `performanceDrop` worse. The window's performance is degraded when its primary metric is, and
 * only with at least `minLabeled` labels (fewer are too noisy to decide on).
 */
export function comparePerformance(
  current: Record<string, number>,
  baseline: Readonly<Record<string, number>>,
  policy: RetrainPolicy,
  task: 'classification' | 'regression',
  labeled: number,
): { metrics: MetricComparison[]; degraded: boolean; primary: string } | undefined {
  const metrics = Object.keys(current)
    .filter((name) => baseline[name] !== undefined && Number.isFinite(baseline[name]))
    .sort()
    .map((metric) => ({
      metric,
      current: current[metric],
      baseline: baseline[metric],
      threshold: policy.performanceDrop,
      degraded: degradation(metric, current[metric], baseline[metric]) > policy.performanceDrop,
    }));
  if (metrics.length === 0) return undefined;
  const primary = primaryMetricOf(policy, task);
  const degraded = labeled >= policy.minLabeled && metrics.some((m) => m.metric === primary && m.degraded);
  return { metrics, degraded, primary };
}
