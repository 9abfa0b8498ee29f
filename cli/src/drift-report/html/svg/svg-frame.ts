import { escapeHtml } from '../escape-html';

/** A chart's outer <svg>: fixed viewBox, scalable, with an accessible name. */
export function svgFrame(width: number, height: number, label: string, body: string, className: string): string {
  return (
    `<svg class="${className}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(label)}">` +
    `<title>${escapeHtml(label)}</title>${body}</svg>`
  );
}

/** A number rounded for SVG coordinates (keeps the file small). */
export function px(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/** A plain rectangle; zero or negative sizes draw nothing. */
export function rect(x: number, y: number, width: number, height: number, fill: string, extra = ''): string {
  if (!(width > 0) || !(height > 0)) return '';
  return `<rect x="${px(x)}" y="${px(y)}" width="${px(width)}" height="${px(height)}" fill="${fill}"${extra}/>`;
}

/** A text label (escaped). */
export function label(x: number, y: number, text: string, anchor: 'start' | 'middle' | 'end', extra = ''): string {
  return `<text x="${px(x)}" y="${px(y)}" text-anchor="${anchor}"${extra}>${escapeHtml(text)}</text>`;
}

/** Swatches naming the two series. */
export function legend(x: number, y: number, series: readonly (readonly [string, string])[]): string {
  return series.map(([name, color], i) => rect(x + i * 90, y - 9, 10, 10, color) + label(x + i * 90 + 14, y, name, 'start')).join('');
}
