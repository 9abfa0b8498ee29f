import { ClassificationStats, RegressionStats } from '@mlops/drift-stats';
import { DEFAULT_RETRAIN_POLICY } from '../policy/retrain-policy';
import { comparePerformance, degradation, windowMetrics } from './compare-performance';

describe('performance against the baseline', () => {
  it('measures the window with the names the model lib records at training', () => {
    const stats = new ClassificationStats({ positiveLabel: 'approve', bins: 100 });
    [['approve', 'approve', 0.9], ['reject', 'approve', 0.6], ['reject', 'reject', 0.2], ['approve', 'reject', 0.4]].forEach(([y, p, s]) => stats.update(y as string, p as string, s as number));
    expect(Object.keys(windowMetrics(stats, false))).toEqual(['accuracy']);
    expect(windowMetrics(stats, true)).toMatchObject({ accuracy: 0.5, f1: 0.5, roc_auc: 0.75 });
    expect(Object.keys(windowMetrics(new RegressionStats().updateMany([1, 2], [1.5, 2.5]), false)).sort()).toEqual(['mae', 'mse', 'r2', 'rmse']);
  });

  it('knows which way is worse', () => {
    expect(degradation('accuracy', 0.81, 0.9)).toBeCloseTo(0.1);
    expect(degradation('rmse', 1.2, 1)).toBeCloseTo(0.2);
    expect(degradation('log_loss', 0.5, 0.6)).toBeLessThan(0);
    expect(degradation('r2', -0.3, 0)).toBeCloseTo(0.3); // not relative when the baseline is not positive
  });

  it('degrades on the primary metric only, and only with enough labels', () => {
    const policy = { ...DEFAULT_RETRAIN_POLICY, minLabeled: 100 };
    const result = comparePerformance({ accuracy: 0.7, log_loss: 0.9, unknown: 1 }, { accuracy: 0.95, log_loss: 0.3, f1: 0.9 }, policy, 'classification', 500);
    expect(result).toEqual({
      primary: 'accuracy',
      degraded: true,
      metrics: [
        { metric: 'accuracy', current: 0.7, baseline: 0.95, threshold: 0.1, degraded: true },
        { metric: 'log_loss', current: 0.9, baseline: 0.3, threshold: 0.1, degraded: true },
      ],
    });
    expect(comparePerformance({ accuracy: 0.7 }, { accuracy: 0.95 }, policy, 'classification', 99)?.degraded).toBe(false);
    expect(comparePerformance({ accuracy: 0.9, log_loss: 0.9 }, { accuracy: 0.95, log_loss: 0.3 }, policy, 'classification', 500)?.degraded).toBe(false);
    expect(comparePerformance({ rmse: 2 }, { accuracy: 0.9 }, policy, 'regression', 500)).toBeUndefined();
  });
});
