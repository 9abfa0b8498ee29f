import { escapeHtml } from '../format/escape-html';

/** A rendered chart inside a <figure> that names it once for assistive tech; a quiet note when there is nothing to draw. */
export function chartFigure(svg: string | null, className: string, label: string): string {
  if (svg === null || svg === '') return '<span class="no-chart">no values</span>';
  return `<figure class="chart ${className}" role="img" aria-label="${escapeHtml(label)}">${svg}</figure>`;
}
