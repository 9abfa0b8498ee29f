import type { DriftReport } from '@mlops/contracts';
import { ReportHistory } from './report-history';
import { renderReportHtml } from './render-report-html';
import { reportView } from './report-view';

const report = (index: number, driftType: DriftReport['driftType'] = 'none'): DriftReport => ({
  schemaVersion: 1,
  reportId: `dr-${index}`,
  model: 'loan',
  version: '2',
  window: { kind: 'tumbling', start: new Date(index * 60_000).toISOString(), end: new Date((index + 1) * 60_000).toISOString() },
  samples: { reference: 1000, current: 500, labeled: 400 },
  features: [
    { feature: '<script>alert(1)</script>', type: 'categorical', method: 'jensen-shannon', score: 0.3, threshold: 0.1, drifted: true },
    { feature: 'age', type: 'numerical', method: 'ks', score: 0.02, pValue: 0.8, threshold: 0.05, drifted: false },
  ],
  datasetDrift: { share: 0.5, threshold: 0.1, drifted: true },
  predictionDrift: { method: 'jensen-shannon', score: 0.05, threshold: 0.1, drifted: false },
  performance: { metrics: [{ metric: 'accuracy', current: 0.8, baseline: 0.9, threshold: 0.1, degraded: true }], degraded: true },
  driftType,
  generatedAt: '2026-11-27T10:00:00.000Z',
});

describe('reports for people', () => {
  const history = new ReportHistory(3);
  [3, 1, 2, 4].forEach((i) => history.add(report(i, i === 4 ? 'data_and_concept' : 'none')));
  history.add(report(4, 'data_and_concept'), [{ feature: 'age', role: 'feature', buckets: [{ key: '(-inf, 30]', reference: 0.5, current: 0.4 }, { key: '(30, +inf)', reference: 0.5, current: 0.6 }] }]);

  it('keeps the most recent windows per model, oldest first, and the latest with its charts data', () => {
    expect(history.history('loan').map((e) => e.report.reportId)).toEqual(['dr-2', 'dr-3', 'dr-4']);
    const view = reportView('loan', history.history('loan'));
    expect(view?.latest.reportId).toBe('dr-4');
    expect(view?.distributions?.[0].feature).toBe('age');
    expect(view?.history.map((h) => h.driftedFeatures)).toEqual([['<script>alert(1)</script>'], ['<script>alert(1)</script>'], ['<script>alert(1)</script>']]);
    expect(reportView('other', history.history('other'))).toBeUndefined();
  });

  it('renders a self-contained page with the shared renderer: escaped text, Vega charts, nothing fetched from elsewhere', async () => {
    const html = await renderReportHtml(reportView('loan', history.history('loan')) as NonNullable<ReturnType<typeof reportView>>);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<script>/g)).toHaveLength(1); // the renderer's own sort/expand script, nothing from the data
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    // The age distribution (sparkline and detail) and the history, all drawn by Vega; the other feature has no distribution kept.
    expect(html.match(/<figure class="chart (spark|detail|history)"[^>]*><svg [^>]*class="marks"/g)).toHaveLength(3);
    expect(html).toContain('<h2 id="verdict">Dataset drift detected</h2>');
    expect(html).toContain('Drift detected in 1 of 2 columns (50%)');
    expect(html).toContain('data_and_concept');
    expect(html).toContain('<section id="history">');
  });
});
