import type { ColumnStats } from '../../report/drift-report.types';
import { formatCount, formatNumber, formatShare } from '../../report/format-number';
import { escapeHtml } from '../escape-html';

/** Reference vs current summary statistics of one column (inside its detail view). */
export function statsTable(reference: ColumnStats, current: ColumnStats): string {
  const rows: [string, string, string][] = [
    ['values', formatCount(reference.count), formatCount(current.count)],
    ['missing', formatCount(reference.missing), formatCount(current.missing)],
  ];
  if (reference.invalid + current.invalid > 0) rows.push(['invalid', formatCount(reference.invalid), formatCount(current.invalid)]);
  if (reference.kind === 'numerical' && current.kind === 'numerical') {
    for (const key of ['mean', 'std', 'min', 'p25', 'median', 'p75', 'max'] as const) {
      rows.push([key, formatNumber(reference[key]), formatNumber(current[key])]);
    }
  } else if (reference.kind === 'categorical' && current.kind === 'categorical') {
    rows.push(['categories', formatCount(reference.distinct), formatCount(current.distinct)]);
    rows.push(['most frequent', top(reference.top, reference.topShare), top(current.top, current.topShare)]);
  }
  const body = rows.map(([name, r, c]) => `<tr><th scope="row">${name}</th><td>${escapeHtml(r)}</td><td>${escapeHtml(c)}</td></tr>`).join('');
  return `<table class="stats"><thead><tr><th></th><th>reference</th><th>current</th></tr></thead><tbody>${body}</tbody></table>`;
}

function top(value: string | null, share: number | null): string {
  return value === null || share === null ? '–' : `${value} (${formatShare(share)})`;
}
