import { renderDriftReportHtml } from '@mlops/report-html';
import type { DriftReportJson } from '../report/drift-report.types';
import { HtmlOptions, toReportView } from './to-report-view';

export type { HtmlOptions } from './to-report-view';

/**
 * The HTML report: one self-contained file drawn by the shared renderer (@mlops/report-html, the
 * drift service's page uses it too), a function of the JSON report alone.
 */
export function renderReportHtml(report: DriftReportJson, options: HtmlOptions): Promise<string> {
  return renderDriftReportHtml(toReportView(report, options));
}
