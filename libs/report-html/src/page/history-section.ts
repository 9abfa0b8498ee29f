import { escapeHtml } from '../format/escape-html';
import { formatCount, formatNumber, formatShare } from '../format/format-number';
import type { HistoryView } from '../report-view.types';
import { chartFigure } from './chart-figure';

/** The recent windows: drift share (and the primary metric) as a chart, then one row per window, newest first. */
export function historySection(history: HistoryView | undefined, chart: string | null): string {
  if (history === undefined || history.windows.length === 0) return '';
  const metric = history.metricName;
  const rows = [...history.windows]
    .reverse()
    .map(
      (w) =>
        `<tr><td>${escapeHtml(w.start)} → ${escapeHtml(w.end)}</td><td>${escapeHtml(w.version)}</td><td class="num">${formatCount(w.samples)}</td><td class="num">${formatCount(w.labeled)}</td>` +
        `<td class="num">${formatShare(w.datasetDriftShare)}</td>${metric === null ? '' : `<td class="num">${formatNumber(w.metric)}</td>`}<td>${escapeHtml(w.driftType)}</td><td>${escapeHtml(w.driftedFeatures.join(', '))}</td></tr>`,
    )
    .join('');
  const label = `dataset drift share${metric === null ? '' : ` and ${metric}`} over the last ${history.windows.length} windows`;
  return (
    `<section id="history"><h2>Recent windows</h2>${chartFigure(chart, 'history', label)}` +
    `<table class="windows"><thead><tr><th>window</th><th>version</th><th>predictions</th><th>labeled</th><th>drift share</th>${metric === null ? '' : `<th>${escapeHtml(metric)}</th>`}<th>drift type</th><th>drifted features</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}
