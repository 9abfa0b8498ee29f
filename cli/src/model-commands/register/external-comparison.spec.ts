import { UsageError } from '../../drift-report/errors';
import { ModelDataError } from '../errors';
import { externalComparison } from './external-comparison';

describe('externalComparison', () => {
  it('outperforms by definition without a champion, on accuracy by default', () => {
    expect(externalComparison({ metrics: { f1: 0.8, accuracy: 0.9 }, minImprovement: 0 })).toEqual({ primaryMetric: 'accuracy', challenger: 0.9, outperformsChampion: true });
  });

  it('compares with the champion value the team measured, in the metric direction', () => {
    expect(externalComparison({ metrics: { rmse: 1.5 }, championVersion: '3', championMetric: 2, minImprovement: 0.1 })).toEqual({
      primaryMetric: 'rmse',
      challenger: 1.5,
      champion: 2,
      championVersion: '3',
      outperformsChampion: true,
    });
    expect(externalComparison({ metrics: { auc: 0.9 }, primaryMetric: 'auc', championVersion: '3', championMetric: 0.89, minImprovement: 0.05 }).outperformsChampion).toBe(false);
  });

  it('leaves the champion value out when it is not given, so the metric gate refuses', () => {
    expect(externalComparison({ metrics: { accuracy: 0.9 }, championVersion: '2', minImprovement: 0 })).toEqual({ primaryMetric: 'accuracy', challenger: 0.9, championVersion: '2', outperformsChampion: false });
  });

  it('names what is missing', () => {
    expect(() => externalComparison({ metrics: {}, minImprovement: 0 })).toThrow(ModelDataError);
    expect(() => externalComparison({ metrics: { f1: 1 }, primaryMetric: 'auc', minImprovement: 0 })).toThrow(new UsageError('--primary-metric auc: not among the version\'s metrics (f1)'));
    expect(() => externalComparison({ metrics: { f1: 1 }, championMetric: 0.5, minImprovement: 0 })).toThrow('--champion-metric: the model has no champion to compare with');
  });
});
