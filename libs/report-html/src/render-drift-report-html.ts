import { renderReportCharts } from './charts/render-report-charts';
import { escapeHtml } from './format/escape-html';
import { columnsTable } from './page/columns-table';
import { historySection } from './page/history-section';
import { notesSections } from './page/notes-section';
import { performanceSection } from './page/performance-section';
import { REPORT_SCRIPT } from './page/report-script';
import { REPORT_STYLE } from './page/report-style';
import { summarySection } from './page/summary-section';
import type { DriftReportView } from './report-view.types';

/**
 * The drift report as one self-contained HTML file: inline CSS, charts drawn by Vega-Lite as
 * inline SVG at render time, one small inline script for sorting and expanding; no network
 * request. Async because Vega renders asynchronously.
 */
export async function renderDriftReportHtml(view: DriftReportView, options: { readonly chartConcurrency?: number } = {}): Promise<string> {
  const charts = await renderReportCharts(view, options.chartConcurrency);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(view.generator)}">
<title>${escapeHtml(view.title)}</title>
<style>${REPORT_STYLE}</style>
<noscript><style>.detail { display: table-row !important; }</style></noscript>
</head>
<body>
<header>
<h1>${escapeHtml(view.title)}</h1>
<p class="subtitle">${escapeHtml(view.subtitle)}</p>
</header>
<main>
${summarySection(view.summary)}
${performanceSection(view.performance)}
${columnsTable(view.columns, charts)}
${historySection(view.history, charts.history)}
${notesSections(view.notes)}
</main>
<footer>${escapeHtml(view.footer)}</footer>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
