import { formatShare } from '../../report/format-number';
import { escapeHtml } from '../escape-html';
import { AXIS_COLOR, CURRENT_COLOR, REFERENCE_COLOR } from './chart-palette';
import type { ChartSize } from './histogram.svg';
import { label, legend, px, rect, svgFrame } from './svg-frame';

export interface CategoryData {
  readonly categories: readonly string[];
  readonly reference: readonly number[];
  readonly current: readonly number[];
}

const LABEL_CHARS = 18;

/** Grouped bars per category: horizontal with labels (detail view) or vertical pairs (sparkline). */
export function categoryBarsSvg(data: CategoryData, size: ChartSize, name: string): string {
  const title = `${name}: reference vs current category shares`;
  const n = data.categories.length;
  if (n === 0) return svgFrame(size.width, size.height, title, label(size.width / 2, size.height / 2, 'no values', 'middle'), 'chart categories');
  const top = Math.max(...data.reference, ...data.current, 1e-12);
  return size.axes ? detail(data, size.width, top, title) : spark(data, size, top, title);
}

function detail(data: CategoryData, width: number, top: number, title: string): string {
  const row = 24;
  const m = { left: 128, right: 112, top: 22 };
  const plotW = width - m.left - m.right;
  const height = m.top + data.categories.length * row + 6;
  const parts = data.categories.map((category, i) => {
    const y = m.top + i * row;
    const short = category.length > LABEL_CHARS ? `${category.slice(0, LABEL_CHARS - 1)}…` : category;
    const ref = data.reference[i];
    const cur = data.current[i];
    return (
      (category === short ? label(m.left - 6, y + 15, short, 'end') : fullNameLabel(m.left - 6, y + 15, short, category)) +
      rect(m.left, y + 2, (plotW * ref) / top, 9, REFERENCE_COLOR, ' data-series="reference"') +
      rect(m.left, y + 12, (plotW * cur) / top, 9, CURRENT_COLOR, ' data-series="current"') +
      label(m.left + (plotW * Math.max(ref, cur)) / top + 4, y + 15, `${formatShare(ref)} → ${formatShare(cur)}`, 'start', ' class="value"')
    );
  });
  const axis = `<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${height - 4}" stroke="${AXIS_COLOR}"/>`;
  const keys = legend(m.left, 12, [
    ['reference', REFERENCE_COLOR],
    ['current', CURRENT_COLOR],
  ]);
  return svgFrame(width, height, title, keys + axis + parts.join(''), 'chart categories detail');
}

/** A shortened label whose full text shows on hover. */
function fullNameLabel(x: number, y: number, short: string, full: string): string {
  return `<text x="${px(x)}" y="${px(y)}" text-anchor="end"><title>${escapeHtml(full)}</title>${escapeHtml(short)}</text>`;
}

function spark(data: CategoryData, size: { width: number; height: number }, top: number, title: string): string {
  const n = data.categories.length;
  const slot = (size.width - 2) / n;
  const barW = Math.max(slot / 2 - 1, 0.5);
  const plotH = size.height - 4;
  const bars = data.categories.map((_, i) => {
    const x = 1 + i * slot;
    const ref = (plotH * data.reference[i]) / top;
    const cur = (plotH * data.current[i]) / top;
    return rect(x, 2 + plotH - ref, barW, ref, REFERENCE_COLOR, ' data-series="reference"') + rect(x + barW, 2 + plotH - cur, barW, cur, CURRENT_COLOR, ' data-series="current"');
  });
  return svgFrame(size.width, size.height, title, bars.join(''), 'chart categories spark');
}
