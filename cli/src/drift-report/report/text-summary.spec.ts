import type { ColumnReport, DriftReportJson } from './drift-report.types';
import { orderColumns } from './order-columns';
import { SUMMARY_ROWS, textSummary } from './text-summary';

const stats = { kind: 'categorical', count: 10, missing: 0, invalid: 0, distinct: 2, top: 'a', topShare: 0.5 } as const;

function column(name: string, drifted: boolean, score: number, extra: Partial<ColumnReport> = {}): ColumnReport {
  return {
    name,
    type: 'categorical',
    role: 'feature',
    method: 'jensen-shannon',
    score,
    threshold: 0.1,
    drifted,
    decidedBy: 'score',
    approximate: false,
    insufficientData: false,
    reference: stats,
    current: stats,
    chart: { kind: 'categories', categories: [], reference: [], current: [] },
    ...extra,
  };
}

function report(columns: ColumnReport[]): DriftReportJson {
  const drifted = columns.filter((c) => c.drifted).length;
  return {
    format: 'mlops.drift-report',
    version: 1,
    generatedAt: '2026-01-01T00:00:00.000Z',
    reference: { file: 'ref.csv', rows: 1200, exact: true },
    current: { file: 'cur.csv', rows: 900, exact: true },
    settings: { driftShare: 0.1, exactRows: 1_000_000, inferRows: 10_000, bins: 10, seed: 0, effectFloor: true },
    datasetDrift: { share: drifted / columns.length, threshold: 0.1, drifted: drifted / columns.length > 0.1, driftedCount: drifted, evaluatedCount: columns.length, skippedCount: 0 },
    columns,
    targetDrift: null,
    predictionDrift: null,
    performance: null,
    ignoredColumns: [{ name: 'id', reason: 'ignored by the column mapping' }],
  };
}

describe('orderColumns', () => {
  it('puts drifted columns first, most severe first, comparing p-values and scores by their thresholds', () => {
    const columns = [
      column('calm', false, 0.01),
      column('mild', true, 0.12),
      column('strong', true, 0.5),
      column('ks', true, 0.3, { method: 'ks', decidedBy: 'p-value', pValue: 1e-6, threshold: 0.05 }),
      column('empty', false, 0, { insufficientData: true }),
    ];
    expect(orderColumns(columns).map((c) => c.name)).toEqual(['ks', 'strong', 'mild', 'calm', 'empty']);
  });
});

describe('textSummary', () => {
  it('fits on one screen: a verdict, at most 15 columns, what was left out and written', () => {
    const columns = Array.from({ length: 20 }, (_, i) => column(`c${String(i).padStart(2, '0')}`, i < 3, 0.05 + i / 100));
    const text = textSummary(report(columns), ['r.html']);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('Drift report: ref.csv (1,200 rows) → cur.csv (900 rows)');
    expect(lines[2]).toBe('Dataset drift: DETECTED: 3 of 20 features drifted (15%; threshold: more than 10%)');
    expect(lines[4]).toMatch(/^column +type +method +score +p-value +threshold +drift$/);
    expect(lines[5]).toMatch(/^c02 +categorical +jensen-shannon +0\.07 +0\.1 +DRIFT$/);
    expect(lines.filter((l) => / (ok|DRIFT)$/.test(l))).toHaveLength(SUMMARY_ROWS);
    expect(text).toContain('… and 5 more columns (see the HTML or JSON report)');
    expect(text).toContain('Left out: id (ignored by the column mapping)');
    expect(lines[lines.length - 1]).toBe('Wrote r.html');
    expect(lines.length).toBeLessThanOrEqual(26);
  });

  it('says when statistics came from sketches', () => {
    const text = textSummary(report([column('a', false, 0.01, { approximate: true })]), []);
    expect(text).toContain('Statistics: 1 column(s) from quantile sketches (a file has more than --exact-rows 1,000,000 rows).');
  });
});
