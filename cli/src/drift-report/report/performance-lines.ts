import type { ClassificationMetrics, RegressionMetrics } from '@mlops/drift-stats';
import type { PerformanceReport } from './drift-report.types';

/** The headline metrics of a task, as [label, reference, current]. */
export function headlineMetrics(p: PerformanceReport): [string, number | null, number | null][] {
  if (p.task === 'classification') {
    const r = p.reference as ClassificationMetrics;
    const c = p.current as ClassificationMetrics;
    return [
      ['accuracy', r.accuracy, c.accuracy],
      ['macro F1', r.macroF1, c.macroF1],
      ['F1 (positive class)', r.f1, c.f1],
    ];
  }
  const r = p.reference as RegressionMetrics;
  const c = p.current as RegressionMetrics;
  return [
    ['MAE', r.mae, c.mae],
    ['RMSE', r.rmse, c.rmse],
    ['R²', r.r2, c.r2],
  ];
}
