import { escapeHtml } from '../format/escape-html';
import { formatNumber } from '../format/format-number';
import type { StatRow } from '../report-view.types';

/** Reference vs current summary statistics of one column (inside its detail view). */
export function statsTable(rows: readonly StatRow[] | undefined): string {
  if (rows === undefined || rows.length === 0) return '';
  const cell = (v: number | string | null) => escapeHtml(typeof v === 'string' ? v : formatNumber(v));
  const body = rows.map((r) => `<tr><th scope="row">${escapeHtml(r.name)}</th><td>${cell(r.reference)}</td><td>${cell(r.current)}</td></tr>`).join('');
  return `<table class="stats"><thead><tr><th></th><th>reference</th><th>current</th></tr></thead><tbody>${body}</tbody></table>`;
}
