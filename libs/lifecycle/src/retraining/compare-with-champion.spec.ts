import { compareWithChampion } from './compare-with-champion';
import { defaultPrimaryMetric, improvementOf, isLowerBetter } from './metric-direction';

describe('compareWithChampion', () => {
  const challengerMetrics = { accuracy: 0.9, log_loss: 0.3 };

  it('outperforms by definition when there is no champion', () => {
    expect(compareWithChampion({ primaryMetric: 'accuracy', challengerMetrics, minImprovement: 0.05 })).toEqual({
      primaryMetric: 'accuracy',
      challenger: 0.9,
      outperformsChampion: true,
    });
  });

  it('needs a strict improvement of at least the margin', () => {
    const against = (accuracy: number, minImprovement = 0) =>
      compareWithChampion({ primaryMetric: 'accuracy', challengerMetrics, minImprovement, champion: { version: '3', metrics: { accuracy } } });
    expect(against(0.8)).toEqual({ primaryMetric: 'accuracy', challenger: 0.9, champion: 0.8, championVersion: '3', outperformsChampion: true });
    expect(against(0.9).outperformsChampion).toBe(false);
    expect(against(0.88, 0.05).outperformsChampion).toBe(false);
    expect(against(0.95).outperformsChampion).toBe(false);
  });

  it('reads lower-is-better metrics the right way round', () => {
    const compare = (champion: number) =>
      compareWithChampion({ primaryMetric: 'log_loss', challengerMetrics, minImprovement: 0, champion: { version: '1', metrics: { log_loss: champion } } });
    expect(compare(0.5).outperformsChampion).toBe(true);
    expect(compare(0.2).outperformsChampion).toBe(false);
  });

  it('does not outperform a champion that could not be evaluated, and leaves its number out', () => {
    expect(compareWithChampion({ primaryMetric: 'accuracy', challengerMetrics, minImprovement: 0, champion: { version: '2' } })).toEqual({
      primaryMetric: 'accuracy',
      challenger: 0.9,
      championVersion: '2',
      outperformsChampion: false,
    });
  });

  it('fails when the challenger has no value for the metric', () => {
    expect(() => compareWithChampion({ primaryMetric: 'roc_auc', challengerMetrics, minImprovement: 0 })).toThrow(/roc_auc/);
  });
});

describe('metric direction', () => {
  it('knows which metrics are better lower', () => {
    expect(['log_loss', 'mae', 'rmse'].every(isLowerBetter)).toBe(true);
    expect(['accuracy', 'f1', 'roc_auc', 'r2'].some(isLowerBetter)).toBe(false);
    expect(improvementOf('rmse', 1, 3)).toBe(2);
    expect(improvementOf('accuracy', 0.7, 0.8)).toBeCloseTo(-0.1);
    expect(defaultPrimaryMetric('binary')).toBe('accuracy');
    expect(defaultPrimaryMetric('regression')).toBe('rmse');
  });
});
