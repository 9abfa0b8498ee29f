import { escapeHtml } from '../format/escape-html';
import type { NoteSection } from '../report-view.types';

/** Plain lists after the table, e.g. the columns left out and why. */
export function notesSections(notes: readonly NoteSection[] | undefined): string {
  return (notes ?? [])
    .filter((n) => n.items.length > 0)
    .map((n) => `<section id="${escapeHtml(n.id)}"><h2>${escapeHtml(n.heading)}</h2><ul>${n.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul></section>`)
    .join('');
}
