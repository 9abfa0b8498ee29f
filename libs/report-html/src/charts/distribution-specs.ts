import type { TopLevelSpec } from 'vega-lite';
import type { DistributionView } from '../report-view.types';
import type { Side } from './chart-palette';
import { CHART_CONFIG, SIDE_COLOR_SCALE } from './chart-theme';

/** The table's sparkline (no axes) or the column's detail chart. */
export type ChartView = 'spark' | 'detail';

export const SPARK_SIZE = { width: 132, height: 34 } as const;
export const DETAIL_SIZE = { width: 520, height: 190 } as const;

/** Every distribution chart reads its rows from this named data set (the templates are data-free). */
export const TABLE = 'table';

export type DistributionRow =
  | { readonly start: number; readonly end: number; readonly side: Side; readonly share: number }
  | { readonly key: string; readonly side: Side; readonly share: number };

/** The rows a distribution chart draws: one per bucket and side, in the view's order. */
export function distributionRows(d: DistributionView): DistributionRow[] {
  const rows: DistributionRow[] = [];
  if (d.kind === 'histogram') {
    d.reference.forEach((share, i) => rows.push({ start: d.edges[i], end: d.edges[i + 1], side: 'reference', share }));
    d.current.forEach((share, i) => rows.push({ start: d.edges[i], end: d.edges[i + 1], side: 'current', share }));
    return rows;
  }
  const keys = d.kind === 'bins' ? d.labels : d.categories;
  keys.forEach((key, i) => rows.push({ key, side: 'reference', share: d.reference[i] }, { key, side: 'current', share: d.current[i] }));
  return rows;
}

const SHARE = { field: 'share', type: 'quantitative', stack: null, title: 'share' } as const;

function color(view: ChartView) {
  return { field: 'side', type: 'nominal', scale: SIDE_COLOR_SCALE, legend: view === 'spark' ? null : {} } as const;
}

function frame(view: ChartView) {
  // The sparkline must be exactly its size to line up in the table; the detail view grows to fit its axes.
  return view === 'spark'
    ? ({ data: { name: TABLE }, config: CHART_CONFIG, padding: 0, autosize: { type: 'none' } } as const)
    : ({ data: { name: TABLE }, config: CHART_CONFIG, padding: 4 } as const);
}

/** Overlaid, semi-transparent histograms on a number line. */
function histogramSpec(view: ChartView): TopLevelSpec {
  const size = view === 'spark' ? SPARK_SIZE : DETAIL_SIZE;
  return {
    ...frame(view),
    ...size,
    mark: { type: 'bar', opacity: 0.55, binSpacing: view === 'spark' ? 0 : 1 },
    encoding: {
      x: { field: 'start', type: 'quantitative', bin: { binned: true }, axis: view === 'spark' ? null : { title: null, tickCount: 8, labelFlush: true } },
      x2: { field: 'end' },
      y: { ...SHARE, axis: view === 'spark' ? null : { format: '.0%', tickCount: 4 } },
      color: color(view),
    },
  };
}

/** Overlaid bars over ordered bins known by their labels. */
function binsSpec(view: ChartView): TopLevelSpec {
  const size = view === 'spark' ? SPARK_SIZE : DETAIL_SIZE;
  return {
    ...frame(view),
    ...size,
    mark: { type: 'bar', opacity: 0.55 },
    encoding: {
      x: { field: 'key', type: 'ordinal', sort: null, axis: view === 'spark' ? null : { title: null, labelAngle: -40, labelLimit: 90 } },
      y: { ...SHARE, axis: view === 'spark' ? null : { format: '.0%', tickCount: 4 } },
      color: color(view),
    },
  };
}

/** Grouped bars per category: vertical pairs in the sparkline, labelled horizontal pairs in the detail view. */
function categoriesSpec(view: ChartView): TopLevelSpec {
  if (view === 'spark') {
    return {
      ...frame(view),
      ...SPARK_SIZE,
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'key', type: 'nominal', sort: null, axis: null, scale: { paddingInner: 0.15 } },
        xOffset: { field: 'side', type: 'nominal', sort: null },
        y: { ...SHARE, axis: null },
        color: color(view),
      },
    };
  }
  return {
    ...frame(view),
    width: DETAIL_SIZE.width - 140,
    height: { step: 11 },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'key', type: 'nominal', sort: null, axis: { title: null, labelLimit: 130 }, scale: { paddingInner: 0.25 } },
      yOffset: { field: 'side', type: 'nominal', sort: null },
      x: { ...SHARE, axis: { format: '.0%', tickCount: 5, grid: true } },
      color: color(view),
    },
  };
}

/** The Vega-Lite template for a kind of distribution and a view. */
export function distributionSpec(kind: DistributionView['kind'], view: ChartView): TopLevelSpec {
  if (kind === 'histogram') return histogramSpec(view);
  return kind === 'bins' ? binsSpec(view) : categoriesSpec(view);
}
