import { renderDriftReportHtml } from '@mlops/report-html';
import { reportPageView } from './report-page-view';
import type { ReportView } from './report-view';

/**
 * The latest window of a model as a self-contained HTML page, drawn by the same renderer as the
 * CLI's `drift-report` (@mlops/report-html): verdict, per-feature results with reference vs
 * current distributions, performance against the baseline, and the recent windows.
 */
export function renderReportHtml(view: ReportView): Promise<string> {
  return renderDriftReportHtml(reportPageView(view));
}
