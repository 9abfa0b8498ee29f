import { escapeHtml } from '../format/escape-html';
import { formatShare } from '../format/format-number';
import type { SummaryCard, SummaryView } from '../report-view.types';

/** The verdict at the top: dataset drift, how many columns drifted, and the producer's cards. */
export function summarySection(s: SummaryView): string {
  const verdict = s.drifted ? 'Dataset drift detected' : 'No dataset drift';
  const sentence =
    `Drift detected in ${s.driftedCount} of ${s.evaluatedCount} columns (${formatShare(s.share)}); ` +
    `the dataset counts as drifted when more than ${formatShare(s.threshold)} of its feature columns drift.` +
    (s.note === undefined ? '' : ` ${s.note}`);
  return (
    `<section id="summary" class="verdict ${s.drifted ? 'drifted' : 'stable'}">` +
    `<h2 id="verdict">${verdict}</h2><p id="summary-text">${escapeHtml(sentence)}</p>` +
    `<div class="cards">${s.cards.map(card).join('')}</div></section>`
  );
}

function card(c: SummaryCard): string {
  const note = c.note === undefined ? '' : `<div class="card-note">${escapeHtml(c.note)}</div>`;
  return `<div class="card"><div class="card-title">${escapeHtml(c.title)}</div><div class="card-value">${escapeHtml(c.value)}</div>${note}</div>`;
}
