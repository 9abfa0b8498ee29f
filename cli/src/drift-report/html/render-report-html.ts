import type { DriftReportJson } from '../report/drift-report.types';
import { formatCount } from '../report/format-number';
import { escapeHtml } from './escape-html';
import { REPORT_SCRIPT } from './report-script';
import { REPORT_STYLE } from './report-style';
import { columnsTable } from './sections/columns-table';
import { ignoredSection } from './sections/ignored-section';
import { performanceSection } from './sections/performance-section';
import { summarySection } from './sections/summary-section';

export interface HtmlOptions {
  readonly title?: string;
  /** Shown in the footer, e.g. "mlops 0.1.0". */
  readonly generator: string;
}

/**
 * The HTML report: one self-contained file (inline CSS, inline SVG charts, one small inline
 * script; no network request), a pure function of the JSON report so any producer of that JSON
 * (this CLI, the drift service) renders the same page.
 */
export function renderReportHtml(report: DriftReportJson, options: HtmlOptions): string {
  const title = options.title ?? `Drift report: ${report.current.file} vs ${report.reference.file}`;
  const s = report.settings;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(options.generator)}">
<title>${escapeHtml(title)}</title>
<style>${REPORT_STYLE}</style>
<noscript><style>.detail { display: table-row !important; }</style></noscript>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="files">Reference <code>${escapeHtml(report.reference.file)}</code> (${formatCount(report.reference.rows)} rows) · current <code>${escapeHtml(report.current.file)}</code> (${formatCount(report.current.rows)} rows) · ${escapeHtml(report.generatedAt)}</p>
</header>
<main>
${summarySection(report)}
${performanceSection(report)}
${columnsTable(report)}
${ignoredSection(report)}
</main>
<footer>${escapeHtml(options.generator)} · dataset drift when more than ${s.driftShare} of features drift · ${s.bins} reference bins · exact up to ${formatCount(s.exactRows)} rows per file · effect-size floors ${s.effectFloor ? 'on' : 'off'} · seed ${s.seed}</footer>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
