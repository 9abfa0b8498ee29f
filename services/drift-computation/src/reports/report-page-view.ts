import type { DriftReport } from '@mlops/contracts';
import type { ColumnView, DistributionView, DriftReportView, HistoryView, SummaryCard } from '@mlops/report-html';
import type { FeatureDistribution } from '../merge/feature-distributions';
import type { ReportView } from './report-view';

export const PAGE_GENERATOR = 'mlops drift-computation';

/** The latest window of a model, with its recent history, as the shared HTML renderer's view. */
export function reportPageView(view: ReportView): DriftReportView {
  const r = view.latest;
  const distributions = new Map((view.distributions ?? []).map((d) => [d.feature, d]));
  const have = view.distributions !== undefined;
  const features = r.features.map((f) => featureColumn(f, have ? (distributions.get(f.feature) ?? null) : null, have));
  const prediction = predictionColumn(r, view.distributions?.find((d) => d.role === 'prediction'), have);
  const drifted = r.features.filter((f) => f.drifted).length;
  const tooFew = r.features.length === 0 ? ' Too few samples in this window to test the features.' : '';
  return {
    title: `Drift report: ${view.model} version ${r.version}`,
    subtitle:
      `Window ${r.window.start} → ${r.window.end} (${r.window.kind}); ${r.samples.current} predictions, ${r.samples.labeled} labeled, ` +
      `reference of ${r.samples.reference} rows · generated ${r.generatedAt}`,
    summary: {
      drifted: r.datasetDrift.drifted,
      driftedCount: drifted,
      evaluatedCount: r.features.length,
      share: r.datasetDrift.share,
      threshold: r.datasetDrift.threshold,
      note: `Drift type of this window: ${r.driftType}.${tooFew}`,
      cards: cards(r),
    },
    ...(r.performance === undefined
      ? {}
      : {
          performance: {
            heading: 'Performance against the baseline',
            description: 'Highlighted metrics fell further below the baseline than their tolerance.',
            referenceLabel: 'baseline',
            currentLabel: 'this window',
            metrics: r.performance.metrics.map((m) => ({ metric: m.metric, reference: m.baseline, current: m.current, flagged: m.degraded })),
          },
        }),
    // Drifted features first (stable: the report's order otherwise), the prediction last.
    columns: [...features.filter((c) => c.status === 'drift'), ...features.filter((c) => c.status !== 'drift'), ...(prediction === null ? [] : [prediction])],
    history: history(view),
    notes: have ? [] : [{ id: 'distributions', heading: 'Distributions', items: ['Distributions are drawn by the instance that evaluated the window; this one only has the report.'] }],
    footer: `${PAGE_GENERATOR} · report ${r.reportId} · dataset drift when more than ${r.datasetDrift.threshold} of features drift`,
    generator: PAGE_GENERATOR,
  };
}

function cards(r: DriftReport): SummaryCard[] {
  const p = r.predictionDrift;
  const primary = r.performance?.metrics[0];
  return [
    { title: 'Drift type', value: r.driftType },
    { title: 'Predictions', value: String(r.samples.current), note: `${r.samples.labeled} labeled` },
    p === undefined ? { title: 'Prediction drift', value: 'not tested', note: 'too few samples' } : { title: 'Prediction drift', value: p.drifted ? 'Detected' : 'Not detected', note: `${p.method} ${round(p.score)} (threshold ${round(p.threshold)})` },
    ...(primary === undefined ? [] : [{ title: primary.metric, value: round(primary.current), note: `baseline ${round(primary.baseline)}${primary.degraded ? ', degraded' : ''}` }]),
  ];
}

function featureColumn(f: DriftReport['features'][number], d: FeatureDistribution | null, have: boolean): ColumnView {
  return {
    ...testResult(f),
    name: f.feature,
    type: f.type,
    role: 'feature',
    distribution: have ? distribution(d, f.type === 'numerical') : null,
  };
}

function predictionColumn(r: DriftReport, d: FeatureDistribution | undefined, have: boolean): ColumnView | null {
  if (r.predictionDrift === undefined) return null;
  const numerical = d !== undefined && d.buckets.every((b) => INTERVAL.test(b.key));
  return { ...testResult(r.predictionDrift), name: d?.feature ?? 'prediction', type: numerical ? 'numerical' : 'categorical', role: 'prediction', distribution: have ? distribution(d ?? null, numerical) : null };
}

/**
 * The statistic's fields. A DriftReport does not say what its threshold is compared with; the
 * drift-stats tests that report a p-value decide by it, the distances by their score.
 */
function testResult(t: { method: string; score: number; pValue?: number; threshold: number; drifted: boolean }) {
  return {
    method: t.method,
    score: t.score,
    ...(t.pValue === undefined ? {} : { pValue: t.pValue }),
    threshold: t.threshold,
    decidedBy: t.pValue === undefined ? ('score' as const) : ('p-value' as const),
    status: t.drifted ? ('drift' as const) : ('ok' as const),
  };
}

/** drift-stats labels reference bins as intervals, e.g. "(-inf, 30]" or "(29.5, +inf)". */
const INTERVAL = /^\((-inf|-?[\d.e+-]+), (\+inf|-?[\d.e+-]+)[\])]$/;

function distribution(d: FeatureDistribution | null, numerical: boolean): DistributionView {
  const buckets = d?.buckets ?? [];
  const reference = buckets.map((b) => b.reference);
  const current = buckets.map((b) => b.current);
  return numerical
    ? { kind: 'bins', labels: buckets.map((b) => shortInterval(b.key)), reference, current }
    : { kind: 'categories', categories: buckets.map((b) => b.key), reference, current };
}

/** "(29.537812119, 35.1]" → "(29.54, 35.1]": bin edges are quantiles with full precision. */
function shortInterval(key: string): string {
  return key.replace(/-?\d+\.\d+(e[+-]?\d+)?/g, (n) => String(Number(Number(n).toPrecision(4))));
}

function round(x: number): string {
  return String(Number(x.toPrecision(4)));
}

function history(view: ReportView): HistoryView {
  const metricName = view.history.flatMap((h) => h.performance ?? [])[0]?.metric ?? null;
  return {
    metricName,
    driftShareThreshold: view.latest.datasetDrift.threshold,
    windows: view.history.map((h) => ({
      start: h.window.start,
      end: h.window.end,
      version: h.version,
      driftType: h.driftType,
      samples: h.samples.current,
      labeled: h.samples.labeled,
      datasetDriftShare: h.datasetDriftShare,
      metric: h.performance?.find((p) => p.metric === metricName)?.current ?? null,
      driftedFeatures: h.driftedFeatures,
    })),
  };
}
