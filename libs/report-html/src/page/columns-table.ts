import type { ReportCharts } from '../charts/render-report-charts';
import { escapeHtml } from '../format/escape-html';
import { formatNumber } from '../format/format-number';
import type { ColumnView } from '../report-view.types';
import { chartFigure } from './chart-figure';
import { statsTable } from './stats-table';

const HEADERS: readonly (readonly [string, string | null])[] = [
  ['Column', 'name'],
  ['Type', 'type'],
  ['Reference vs current', null],
  ['Method', 'method'],
  ['Score', 'score'],
  ['p-value', 'pvalue'],
  ['Threshold', 'threshold'],
  ['Drift', 'rank'],
];

const BADGES: Readonly<Record<ColumnView['status'], string>> = {
  drift: '<span class="badge drift">Drift</span>',
  ok: '<span class="badge ok">No drift</span>',
  'no-data': '<span class="badge none">no data</span>',
};

/**
 * The drift table: one <tbody> per column (its row and its hidden detail row), in the view's
 * order (the "Drift" heading restores it). Headers with a sort key sort the table (see
 * report-script.ts); the column name expands the detail view with the large chart and statistics.
 */
export function columnsTable(columns: readonly ColumnView[], charts: ReportCharts): string {
  const head = HEADERS.map(([title, key]) =>
    key === null
      ? `<th scope="col">${title}</th>`
      : `<th scope="col" data-sort="${key}"${key === 'score' ? ' data-first="descending"' : ''} aria-sort="none"><button type="button" class="sort">${title}</button></th>`,
  ).join('');
  const legend = '<span class="legend-key" style="background: var(--ref)"></span>reference<span class="legend-key" style="background: var(--cur)"></span>current';
  const bodies = columns.map((c, i) => columnBody(c, i, charts.spark[i], charts.detail[i])).join('');
  return (
    `<section id="columns"><h2>Columns</h2><p class="hint">Click a column name for its distributions and statistics; click a heading to sort. ${legend}</p>` +
    `<table id="drift-table"><thead><tr>${head}</tr></thead>${bodies}</table></section>`
  );
}

function columnBody(c: ColumnView, i: number, spark: string, detail: string): string {
  const id = `detail-${i}`;
  const role = c.role === 'feature' ? '' : ` <span class="role">${c.role}</span>`;
  const approx = c.approximate === true ? ' <span class="approx" title="computed from quantile sketches">≈</span>' : '';
  const sortKeys =
    `data-name="${escapeHtml(c.name.toLowerCase())}" data-type="${escapeHtml(c.type)}" data-method="${escapeHtml(c.method)}" ` +
    `data-score="${c.score}" data-pvalue="${c.pValue ?? ''}" data-threshold="${c.threshold}" data-rank="${i}"`;
  const sparkLabel = `${c.name}: reference vs current distribution`;
  const detailChart = c.distribution === null ? '<p class="no-chart">Distributions were not kept for this column.</p>' : chartFigure(detail, 'detail', sparkLabel);
  return (
    `<tbody class="column${c.status === 'drift' ? ' drifted' : ''}" ${sortKeys}>` +
    `<tr class="row"><th scope="row"><button type="button" class="expand" aria-expanded="false" aria-controls="${id}">${escapeHtml(c.name)}</button>${role}</th>` +
    `<td>${escapeHtml(c.type)}</td><td class="spark">${c.distribution === null ? '<span class="no-chart">–</span>' : chartFigure(spark, 'spark', sparkLabel)}</td><td>${escapeHtml(c.method)}</td>` +
    `<td class="num">${formatNumber(c.score)}${approx}</td><td class="num">${c.pValue === undefined ? '' : formatNumber(c.pValue)}</td>` +
    `<td class="num">${formatNumber(c.threshold)}<span class="basis"> (${c.decidedBy === 'p-value' ? 'p' : 'score'})</span></td><td>${BADGES[c.status]}</td></tr>` +
    `<tr class="detail" id="${id}" hidden><td colspan="${HEADERS.length}"><div class="detail-body">${detailChart}${statsTable(c.stats)}</div></td></tr>` +
    `</tbody>`
  );
}
