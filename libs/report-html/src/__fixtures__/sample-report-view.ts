import type { ColumnView, DistributionView, DriftReportView, WindowView } from '../report-view.types';

/** Deterministic pseudo-random shares (no global randomness in fixtures). */
function shares(n: number, seed: number): number[] {
  let s = seed * 9301 + 49297;
  const raw = Array.from({ length: n }, () => ((s = (s * 9301 + 49297) % 233280) / 233280) + 0.05);
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => x / total);
}

function distribution(i: number): DistributionView {
  if (i % 3 === 0) return { kind: 'histogram', edges: Array.from({ length: 21 }, (_, b) => b * 5), reference: shares(20, i), current: shares(20, i + 1) };
  if (i % 3 === 1) return { kind: 'categories', categories: ['north', 'south', 'east', 'west', '<b>x</b> & "y"'], reference: shares(5, i), current: shares(5, i + 7) };
  return { kind: 'bins', labels: ['(-inf, 10]', '(10, 20]', '(20, 30]', '(30, +inf)'], reference: shares(4, i), current: shares(4, i + 3) };
}

/** A report view with `columns` columns (every third drifted) and, optionally, a window history. */
export function sampleReportView(columns: number, options: { history?: boolean } = {}): DriftReportView {
  const cols: ColumnView[] = Array.from({ length: columns }, (_, i) => ({
    name: i === 1 ? '<img src=x onerror=alert(1)>' : `column_${String(i).padStart(3, '0')}`,
    type: i % 3 === 0 || i % 3 === 2 ? 'numerical' : 'categorical',
    role: i === columns - 1 ? 'prediction' : 'feature',
    method: i % 3 === 0 ? 'ks' : 'jensen-shannon',
    score: (i % 7) / 10,
    ...(i % 3 === 0 ? { pValue: (i % 5) / 10 } : {}),
    threshold: i % 3 === 0 ? 0.05 : 0.1,
    decidedBy: i % 3 === 0 ? 'p-value' : 'score',
    status: i % 3 === 0 ? 'drift' : 'ok',
    distribution: distribution(i),
    stats: [
      { name: 'values', reference: 1000, current: 900 + i },
      { name: 'most frequent', reference: 'north (30%)', current: null },
    ],
  }));
  const windows: WindowView[] = Array.from({ length: 6 }, (_, w) => ({
    start: new Date(Date.UTC(2026, 10, 27, 10, w * 5)).toISOString(),
    end: new Date(Date.UTC(2026, 10, 27, 10, w * 5 + 5)).toISOString(),
    version: '3',
    driftType: w === 5 ? 'data_and_concept' : 'none',
    samples: 500,
    labeled: 400,
    datasetDriftShare: w === 5 ? 0.4 : 0.05,
    metric: w === 5 ? 0.6 : 0.9,
    driftedFeatures: w === 5 ? ['column_000'] : [],
  }));
  const drifted = cols.filter((c) => c.status === 'drift').length;
  return {
    title: 'Sample <report>',
    subtitle: 'reference.csv vs current.csv',
    generator: 'report-html spec',
    footer: 'report-html spec',
    summary: { drifted: drifted / columns > 0.1, driftedCount: drifted, evaluatedCount: columns, share: drifted / columns, threshold: 0.1, cards: [{ title: 'Drifted features', value: `${drifted} / ${columns}` }] },
    performance: { heading: 'Model performance', referenceLabel: 'baseline', currentLabel: 'this window', metrics: [{ metric: 'accuracy', reference: 0.9, current: 0.6, flagged: true }] },
    columns: cols,
    ...(options.history === true ? { history: { windows, metricName: 'accuracy', driftShareThreshold: 0.1 } } : {}),
    notes: [{ id: 'ignored', heading: 'Left out', items: ['when: datetime columns are ignored'] }],
  };
}
