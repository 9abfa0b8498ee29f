import type { ColumnView, DistributionView, DriftReportView, StatRow, SummaryCard } from '@mlops/report-html';
import type { ColumnChart, ColumnReport, ColumnStats, DriftReportJson } from '../report/drift-report.types';
import { formatCount, formatNumber, formatShare } from '@mlops/report-html';
import { orderColumns } from '../report/order-columns';
import { headlineMetrics } from '../report/performance-lines';

export interface HtmlOptions {
  readonly title?: string;
  /** Shown in the footer, e.g. "mlops 0.1.0". */
  readonly generator: string;
}

/** The CLI's JSON report as the shared renderer's view: drifted columns first, most severe first. */
export function toReportView(report: DriftReportJson, options: HtmlOptions): DriftReportView {
  const s = report.settings;
  const p = report.performance;
  return {
    title: options.title ?? `Drift report: ${report.current.file} vs ${report.reference.file}`,
    subtitle: `Reference ${report.reference.file} (${formatCount(report.reference.rows)} rows) · current ${report.current.file} (${formatCount(report.current.rows)} rows) · ${report.generatedAt}`,
    summary: summary(report),
    ...(p === null
      ? {}
      : {
          performance: {
            heading: `Model performance (${p.task})`,
            description: `Target ${p.target} against prediction ${p.prediction}.`,
            referenceLabel: 'reference',
            currentLabel: 'current',
            metrics: headlineMetrics(p).map(([metric, reference, current]) => ({ metric, reference, current })),
          },
        }),
    columns: orderColumns(report.columns).map(columnView),
    notes: [{ id: 'ignored', heading: 'Left out', items: report.ignoredColumns.map((c) => `${c.name || '(unnamed)'}: ${c.reason}`) }],
    footer:
      `${options.generator} · dataset drift when more than ${s.driftShare} of features drift · ${s.bins} reference bins · ` +
      `exact up to ${formatCount(s.exactRows)} rows per file · effect-size floors ${s.effectFloor ? 'on' : 'off'} · seed ${s.seed}`,
    generator: options.generator,
  };
}

function summary(report: DriftReportJson): DriftReportView['summary'] {
  const d = report.datasetDrift;
  const rows = (side: DriftReportJson['reference']) => ({ value: formatCount(side.rows), note: side.exact ? 'exact statistics' : 'sketched beyond --exact-rows' });
  const cards: SummaryCard[] = [
    { title: 'Drifted features', value: `${d.driftedCount} / ${d.evaluatedCount}`, note: formatShare(d.share) },
    { title: 'Reference rows', ...rows(report.reference) },
    { title: 'Current rows', ...rows(report.current) },
    ...(report.targetDrift !== null ? [roleCard('Target drift', report.targetDrift)] : []),
    ...(report.predictionDrift !== null ? [roleCard('Prediction drift', report.predictionDrift)] : []),
  ];
  return {
    drifted: d.drifted,
    driftedCount: d.driftedCount,
    evaluatedCount: d.evaluatedCount,
    share: d.share,
    threshold: d.threshold,
    ...(d.skippedCount > 0 ? { note: `${d.skippedCount} column(s) had no values on one side and were skipped.` } : {}),
    cards,
  };
}

function roleCard(title: string, c: ColumnReport): SummaryCard {
  const decided = c.decidedBy === 'p-value' && c.pValue !== undefined ? `p-value ${formatNumber(c.pValue)}` : formatNumber(c.score);
  return { title, value: c.insufficientData ? 'no data' : c.drifted ? 'Detected' : 'Not detected', note: `${c.name}: ${c.method} ${decided} (threshold ${formatNumber(c.threshold)})` };
}

function columnView(c: ColumnReport): ColumnView {
  return {
    name: c.name,
    type: c.type,
    role: c.role === 'label' ? 'target' : c.role,
    method: c.method,
    score: c.score,
    ...(c.pValue === undefined ? {} : { pValue: c.pValue }),
    threshold: c.threshold,
    decidedBy: c.decidedBy,
    status: c.insufficientData ? 'no-data' : c.drifted ? 'drift' : 'ok',
    approximate: c.approximate,
    distribution: distribution(c.chart),
    stats: statRows(c.reference, c.current),
  };
}

function distribution(chart: ColumnChart): DistributionView {
  return chart.kind === 'histogram'
    ? { kind: 'histogram', edges: chart.edges, reference: chart.reference, current: chart.current }
    : { kind: 'categories', categories: chart.categories, reference: chart.reference, current: chart.current };
}

function statRows(reference: ColumnStats, current: ColumnStats): StatRow[] {
  const rows: StatRow[] = [
    { name: 'values', reference: formatCount(reference.count), current: formatCount(current.count) },
    { name: 'missing', reference: formatCount(reference.missing), current: formatCount(current.missing) },
  ];
  if (reference.invalid + current.invalid > 0) rows.push({ name: 'invalid', reference: formatCount(reference.invalid), current: formatCount(current.invalid) });
  if (reference.kind === 'numerical' && current.kind === 'numerical') {
    for (const key of ['mean', 'std', 'min', 'p25', 'median', 'p75', 'max'] as const) rows.push({ name: key, reference: reference[key], current: current[key] });
  } else if (reference.kind === 'categorical' && current.kind === 'categorical') {
    rows.push({ name: 'categories', reference: formatCount(reference.distinct), current: formatCount(current.distinct) });
    rows.push({ name: 'most frequent', reference: top(reference.top, reference.topShare), current: top(current.top, current.topShare) });
  }
  return rows;
}

function top(value: string | null, share: number | null): string {
  return value === null || share === null ? '–' : `${value} (${formatShare(share)})`;
}
