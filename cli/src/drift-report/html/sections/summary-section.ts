import type { ColumnReport, DriftReportJson } from '../../report/drift-report.types';
import { formatCount, formatNumber, formatShare } from '../../report/format-number';
import { escapeHtml } from '../escape-html';

/** The verdict at the top: dataset drift, how many columns drifted, target and prediction drift. */
export function summarySection(report: DriftReportJson): string {
  const d = report.datasetDrift;
  const verdict = d.drifted ? 'Dataset drift detected' : 'No dataset drift';
  const sentence =
    `Drift detected in ${d.driftedCount} of ${d.evaluatedCount} columns (${formatShare(d.share)}); ` +
    `the dataset counts as drifted when more than ${formatShare(d.threshold)} of its feature columns drift.` +
    (d.skippedCount > 0 ? ` ${d.skippedCount} column(s) had no values on one side and were skipped.` : '');
  const cards = [
    card('Drifted features', `${d.driftedCount} / ${d.evaluatedCount}`, formatShare(d.share)),
    card('Reference rows', formatCount(report.reference.rows), report.reference.exact ? 'exact statistics' : 'sketched beyond --exact-rows'),
    card('Current rows', formatCount(report.current.rows), report.current.exact ? 'exact statistics' : 'sketched beyond --exact-rows'),
    ...(report.targetDrift !== null ? [roleCard('Target drift', report.targetDrift)] : []),
    ...(report.predictionDrift !== null ? [roleCard('Prediction drift', report.predictionDrift)] : []),
  ];
  return (
    `<section id="summary" class="verdict ${d.drifted ? 'drifted' : 'stable'}">` +
    `<h2 id="verdict">${verdict}</h2><p id="summary-text">${escapeHtml(sentence)}</p>` +
    `<div class="cards">${cards.join('')}</div></section>`
  );
}

function card(title: string, value: string, note: string): string {
  return `<div class="card"><div class="card-title">${escapeHtml(title)}</div><div class="card-value">${escapeHtml(value)}</div><div class="card-note">${escapeHtml(note)}</div></div>`;
}

function roleCard(title: string, c: ColumnReport): string {
  const decided = c.decidedBy === 'p-value' && c.pValue !== undefined ? `p-value ${formatNumber(c.pValue)}` : formatNumber(c.score);
  const note = `${c.name}: ${c.method} ${decided} (threshold ${formatNumber(c.threshold)})`;
  return card(title, c.insufficientData ? 'no data' : c.drifted ? 'Detected' : 'Not detected', note);
}
