import { formatNumber, formatShare } from '../../report/format-number';
import { AXIS_COLOR, CURRENT_COLOR, REFERENCE_COLOR } from './chart-palette';
import { label, legend, rect, svgFrame } from './svg-frame';

export interface HistogramData {
  readonly edges: readonly number[];
  readonly reference: readonly number[];
  readonly current: readonly number[];
}

export interface ChartSize {
  readonly width: number;
  readonly height: number;
  /** Axes, labels and legend (detail view); without, a bare sparkline for the table. */
  readonly axes: boolean;
}

/** Overlaid reference and current histograms (shares per equal-width bin), semi-transparent. */
export function histogramSvg(data: HistogramData, size: ChartSize, name: string): string {
  const { width, height, axes } = size;
  const m = axes ? { left: 44, right: 12, top: 22, bottom: 28 } : { left: 1, right: 1, top: 2, bottom: 2 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const bins = data.reference.length;
  const title = `${name}: reference vs current distribution`;
  if (bins === 0) return svgFrame(width, height, title, label(width / 2, height / 2, 'no values', 'middle'), 'chart histogram');
  const top = Math.max(...data.reference, ...data.current, 1e-12);
  const barW = plotW / bins;
  const bars = (shares: readonly number[], color: string, series: string) =>
    shares
      .map((s, i) => rect(m.left + i * barW, m.top + plotH * (1 - s / top), Math.max(barW - 1, 0.5), (plotH * s) / top, color, ` fill-opacity="0.55" data-series="${series}"`))
      .join('');
  let body = bars(data.reference, REFERENCE_COLOR, 'reference') + bars(data.current, CURRENT_COLOR, 'current');
  if (axes) {
    const baseline = m.top + plotH;
    const first = data.edges[0];
    const last = data.edges[data.edges.length - 1];
    body +=
      `<line x1="${m.left}" y1="${baseline}" x2="${m.left + plotW}" y2="${baseline}" stroke="${AXIS_COLOR}"/>` +
      `<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${baseline}" stroke="${AXIS_COLOR}"/>` +
      label(m.left, baseline + 16, formatNumber(first), 'start') +
      label(m.left + plotW / 2, baseline + 16, formatNumber((first + last) / 2), 'middle') +
      label(m.left + plotW, baseline + 16, formatNumber(last), 'end') +
      label(m.left - 4, m.top + 4, formatShare(top), 'end') +
      label(m.left - 4, baseline, '0', 'end') +
      legend(m.left + 6, 12, [
        ['reference', REFERENCE_COLOR],
        ['current', CURRENT_COLOR],
      ]);
  }
  return svgFrame(width, height, title, body, axes ? 'chart histogram detail' : 'chart histogram spark');
}
