import type { DriftReport } from '@mlops/contracts';
import { reportPageView } from './report-page-view';
import type { ReportView } from './report-view';

const latest: DriftReport = {
  schemaVersion: 1,
  reportId: 'dr-9',
  model: 'loan',
  version: '3',
  window: { kind: 'tumbling', start: '2026-11-27T10:00:00.000Z', end: '2026-11-27T10:05:00.000Z' },
  samples: { reference: 1000, current: 500, labeled: 0 },
  features: [
    { feature: 'age', type: 'numerical', method: 'ks', score: 0.02, pValue: 0.8, threshold: 0.05, drifted: false },
    { feature: 'car', type: 'categorical', method: 'psi', score: 0.4, threshold: 0.1, drifted: true },
  ],
  datasetDrift: { share: 0.5, threshold: 0.1, drifted: true },
  predictionDrift: { method: 'jensen-shannon', score: 0.2, threshold: 0.1, drifted: true },
  driftType: 'data',
  generatedAt: '2026-11-27T10:05:01.000Z',
};

const view = (distributions?: ReportView['distributions']): ReportView => ({
  model: 'loan',
  latest,
  ...(distributions ? { distributions } : {}),
  history: [
    { reportId: 'dr-8', version: '3', window: { ...latest.window, end: '2026-11-27T09:55:00.000Z' }, driftType: 'none', samples: latest.samples, datasetDriftShare: 0, driftedFeatures: [], performance: [{ metric: 'accuracy', current: 0.9, baseline: 0.91, degraded: false }] },
    { reportId: 'dr-9', version: '3', window: latest.window, driftType: 'data', samples: latest.samples, datasetDriftShare: 0.5, driftedFeatures: ['car'] },
  ],
});

describe('reportPageView', () => {
  const page = reportPageView(
    view([
      { feature: 'age', role: 'feature', buckets: [{ key: '(-inf, 29.537812119]', reference: 0.5, current: 0.4 }, { key: '(29.537812119, +inf)', reference: 0.5, current: 0.6 }] },
      { feature: 'car', role: 'feature', buckets: [{ key: 'sedan', reference: 0.7, current: 0.2 }, { key: 'suv', reference: 0.3, current: 0.8 }] },
      { feature: 'score', role: 'prediction', buckets: [{ key: '(-inf, 0.5]', reference: 0.6, current: 0.3 }, { key: '(0.5, +inf)', reference: 0.4, current: 0.7 }] },
    ]),
  );

  it('puts drifted features first and the prediction last, each with its test and decision basis', () => {
    expect(page.columns.map((c) => [c.name, c.role, c.status, c.decidedBy])).toEqual([
      ['car', 'feature', 'drift', 'score'],
      ['age', 'feature', 'ok', 'p-value'],
      ['score', 'prediction', 'drift', 'score'],
    ]);
    expect(page.summary).toMatchObject({ drifted: true, driftedCount: 1, evaluatedCount: 2, share: 0.5, threshold: 0.1 });
  });

  it('draws numerical features as ordered bins with short labels, categorical ones as categories', () => {
    expect(page.columns[1].distribution).toEqual({ kind: 'bins', labels: ['(-inf, 29.54]', '(29.54, +inf)'], reference: [0.5, 0.5], current: [0.4, 0.6] });
    expect(page.columns[0].distribution).toMatchObject({ kind: 'categories', categories: ['sedan', 'suv'] });
    expect(page.columns[2]).toMatchObject({ type: 'numerical', distribution: { kind: 'bins', labels: ['(-inf, 0.5]', '(0.5, +inf)'] } });
  });

  it('turns the recent windows into the history, with the primary metric where labels arrived', () => {
    expect(page.history?.metricName).toBe('accuracy');
    expect(page.history?.windows.map((w) => [w.datasetDriftShare, w.metric])).toEqual([
      [0, 0.9],
      [0.5, null],
    ]);
    expect(page.performance).toBeUndefined(); // no labels in the latest window
  });

  it('says so when this instance kept no distributions', () => {
    const bare = reportPageView(view());
    expect(bare.columns.every((c) => c.distribution === null)).toBe(true);
    expect(bare.notes?.[0].items[0]).toMatch(/drawn by the instance that evaluated the window/);
  });
});
