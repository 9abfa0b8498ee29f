import type { DriftReportJson } from '../../report/drift-report.types';
import { escapeHtml } from '../escape-html';

/** Columns left out of the comparison, with the reason. */
export function ignoredSection(report: DriftReportJson): string {
  if (report.ignoredColumns.length === 0) return '';
  const items = report.ignoredColumns.map((c) => `<li><code>${escapeHtml(c.name || '(unnamed)')}</code>: ${escapeHtml(c.reason)}</li>`).join('');
  return `<section id="ignored"><h2>Left out</h2><ul>${items}</ul></section>`;
}
