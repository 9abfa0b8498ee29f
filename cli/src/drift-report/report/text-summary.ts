import type { ColumnReport, DriftReportJson } from './drift-report.types';
import { formatCount, formatNumber, formatShare } from '@mlops/report-html';
import { orderColumns } from './order-columns';
import { headlineMetrics } from './performance-lines';

/** Columns listed on screen; the rest are counted and left to the HTML and JSON reports. */
export const SUMMARY_ROWS = 15;

/** The one-screen text summary printed on stdout. */
export function textSummary(report: DriftReportJson, outputs: readonly string[]): string {
  const d = report.datasetDrift;
  const lines: string[] = [
    `Drift report: ${report.reference.file} (${formatCount(report.reference.rows)} rows) → ${report.current.file} (${formatCount(report.current.rows)} rows)`,
    '',
    `Dataset drift: ${d.drifted ? 'DETECTED' : 'not detected'}: ${d.driftedCount} of ${d.evaluatedCount} features drifted (${formatShare(d.share)}; threshold: more than ${formatShare(d.threshold)})` +
      (d.skippedCount > 0 ? `, ${d.skippedCount} skipped (no values on one side)` : ''),
  ];
  if (report.targetDrift !== null) lines.push(verdictLine('Target drift', report.targetDrift));
  if (report.predictionDrift !== null) lines.push(verdictLine('Prediction drift', report.predictionDrift));
  if (report.performance !== null) {
    const metrics = headlineMetrics(report.performance)
      .filter(([, r, c]) => r !== null || c !== null)
      .map(([name, r, c]) => `${name} ${formatNumber(r)} → ${formatNumber(c)}`);
    lines.push(`Performance (${report.performance.task}): ${metrics.join(', ')}`);
  }
  lines.push('', ...table(orderColumns(report.columns)));
  const approximate = report.columns.filter((c) => c.approximate).length;
  lines.push(
    '',
    approximate === 0
      ? 'Statistics: exact (every value of both files).'
      : `Statistics: ${approximate} column(s) from quantile sketches (a file has more than --exact-rows ${formatCount(report.settings.exactRows)} rows).`,
  );
  if (report.ignoredColumns.length > 0) lines.push(`Left out: ${report.ignoredColumns.map((c) => `${c.name || '(unnamed)'} (${c.reason})`).join('; ')}`);
  if (outputs.length > 0) lines.push(`Wrote ${outputs.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function verdictLine(label: string, c: ColumnReport): string {
  const p = c.pValue === undefined ? '' : `, p-value ${formatNumber(c.pValue)}`;
  const effect = c.effectSize === undefined ? '' : `, effect size ${formatNumber(c.effectSize)}`;
  return `${label} (${c.name}): ${c.drifted ? 'DETECTED' : 'not detected'}: ${c.method} ${formatNumber(c.score)}${p}${effect}, threshold ${formatNumber(c.threshold)}`;
}

function table(columns: readonly ColumnReport[]): string[] {
  const header = ['column', 'type', 'method', 'score', 'p-value', 'threshold', 'drift'];
  const rows = columns.slice(0, SUMMARY_ROWS).map((c) => [
    c.role === 'feature' ? c.name : `${c.name} (${c.role === 'label' ? 'target' : 'prediction'})`,
    c.type,
    c.method,
    formatNumber(c.score),
    c.pValue === undefined ? '' : formatNumber(c.pValue),
    formatNumber(c.threshold),
    c.insufficientData ? 'no data' : c.drifted ? 'DRIFT' : 'ok',
  ]);
  const widths = header.map((h, i) => Math.min(32, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (cell.length > widths[i] ? `${cell.slice(0, widths[i] - 1)}…` : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...rows.map(line)];
  if (columns.length > SUMMARY_ROWS) out.push(`… and ${columns.length - SUMMARY_ROWS} more columns (see the HTML or JSON report)`);
  return out;
}
