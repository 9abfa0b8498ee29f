import type { ColumnReport, DriftReportJson } from '../../report/drift-report.types';
import { formatNumber } from '../../report/format-number';
import { orderColumns } from '../../report/order-columns';
import { escapeHtml } from '../escape-html';
import { columnChartSvg } from '../svg/column-chart.svg';
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

/**
 * The drift table: one <tbody> per column (its row and its hidden detail row), drifted columns
 * first, most severe first (the "Drift" heading restores this order). Headers with a sort key sort the table (see report-script.ts); the column name expands
 * the detail view with the large chart and the statistics.
 */
export function columnsTable(report: DriftReportJson): string {
  const head = HEADERS.map(([title, key]) =>
    key === null
      ? `<th scope="col">${title}</th>`
      : `<th scope="col" data-sort="${key}"${key === 'score' ? ' data-first="descending"' : ''} aria-sort="none"><button type="button" class="sort">${title}</button></th>`,
  ).join('');
  const bodies = orderColumns(report.columns).map((c, i) => columnBody(c, i)).join('');
  return (
    `<section id="columns"><h2>Columns</h2><p class="hint">Click a column name for its distributions and statistics; click a heading to sort.</p>` +
    `<table id="drift-table"><thead><tr>${head}</tr></thead>${bodies}</table></section>`
  );
}

function columnBody(c: ColumnReport, i: number): string {
  const id = `detail-${i}`;
  const role = c.role === 'feature' ? '' : ` <span class="role">${c.role === 'label' ? 'target' : 'prediction'}</span>`;
  const badge = c.insufficientData ? '<span class="badge none">no data</span>' : c.drifted ? '<span class="badge drift">Drift</span>' : '<span class="badge ok">No drift</span>';
  const approx = c.approximate ? ' <span class="approx" title="computed from quantile sketches">≈</span>' : '';
  const sortKeys = `data-name="${escapeHtml(c.name.toLowerCase())}" data-type="${c.type}" data-method="${c.method}" data-score="${c.score}" data-pvalue="${c.pValue ?? ''}" data-threshold="${c.threshold}" data-rank="${i}"`;
  return (
    `<tbody class="column${c.drifted ? ' drifted' : ''}" ${sortKeys}>` +
    `<tr class="row"><th scope="row"><button type="button" class="expand" aria-expanded="false" aria-controls="${id}">${escapeHtml(c.name)}</button>${role}</th>` +
    `<td>${c.type}</td><td class="spark">${columnChartSvg(c, 'spark')}</td><td>${c.method}</td>` +
    `<td class="num">${formatNumber(c.score)}${approx}</td><td class="num">${c.pValue === undefined ? '' : formatNumber(c.pValue)}</td>` +
    `<td class="num">${formatNumber(c.threshold)}<span class="basis"> (${c.decidedBy === 'p-value' ? 'p' : 'score'})</span></td><td>${badge}</td></tr>` +
    `<tr class="detail" id="${id}" hidden><td colspan="${HEADERS.length}"><div class="detail-body">${columnChartSvg(c, 'detail')}${statsTable(c.reference, c.current)}</div></td></tr>` +
    `</tbody>`
  );
}
