import { escapeHtml } from '../format/escape-html';
import { formatNumber } from '../format/format-number';
import type { PerformanceView } from '../report-view.types';

/** Reference (or baseline) vs current model performance. */
export function performanceSection(p: PerformanceView | undefined): string {
  if (p === undefined) return '';
  const rows = p.metrics
    .map((m) => `<tr${m.flagged === true ? ' class="flagged"' : ''}><th scope="row">${escapeHtml(m.metric)}</th><td>${formatNumber(m.reference)}</td><td>${formatNumber(m.current)}</td><td>${delta(m.reference, m.current)}</td></tr>`)
    .join('');
  const description = p.description === undefined ? '' : `<p>${escapeHtml(p.description)}</p>`;
  return (
    `<section id="performance"><h2>${escapeHtml(p.heading)}</h2>${description}` +
    `<table class="metrics"><thead><tr><th>metric</th><th>${escapeHtml(p.referenceLabel)}</th><th>${escapeHtml(p.currentLabel)}</th><th>change</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function delta(r: number | null, c: number | null): string {
  if (r === null || c === null) return '–';
  const d = c - r;
  return `${d > 0 ? '+' : ''}${formatNumber(d)}`;
}
