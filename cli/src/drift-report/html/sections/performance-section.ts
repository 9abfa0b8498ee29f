import type { DriftReportJson } from '../../report/drift-report.types';
import { formatNumber } from '../../report/format-number';
import { headlineMetrics } from '../../report/performance-lines';
import { escapeHtml } from '../escape-html';

/** Reference vs current model performance, when the report has a target and a prediction. */
export function performanceSection(report: DriftReportJson): string {
  const p = report.performance;
  if (p === null) return '';
  const rows = headlineMetrics(p)
    .map(([name, r, c]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${formatNumber(r)}</td><td>${formatNumber(c)}</td><td>${delta(r, c)}</td></tr>`)
    .join('');
  return (
    `<section id="performance"><h2>Model performance (${p.task})</h2>` +
    `<p>Target <code>${escapeHtml(p.target)}</code> against prediction <code>${escapeHtml(p.prediction)}</code>.</p>` +
    `<table class="metrics"><thead><tr><th>metric</th><th>reference</th><th>current</th><th>change</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function delta(r: number | null, c: number | null): string {
  if (r === null || c === null) return '–';
  const d = c - r;
  return `${d > 0 ? '+' : ''}${formatNumber(d)}`;
}
