import type { DistributionView, DriftReportView } from '../report-view.types';
import { ChartView, DistributionRow, distributionRows, distributionSpec, TABLE } from './distribution-specs';
import { historySpec } from './history-spec';
import { mapConcurrent } from './map-concurrent';
import { renderSpecSvg, TemplateView } from './render-vega-svg';

/** Every chart of a report as an SVG string; '' where a column has nothing to draw. */
export interface ReportCharts {
  readonly spark: readonly string[];
  readonly detail: readonly string[];
  readonly history: string | null;
}

/** A distribution with at least one bucket. */
export function hasValues(d: DistributionView | null): d is DistributionView {
  return d !== null && d.reference.length > 0;
}

interface Chart {
  readonly slot: number;
  readonly rows: DistributionRow[];
}

interface Lane {
  readonly kind: DistributionView['kind'];
  readonly view: ChartView;
  readonly charts: Chart[];
}

/**
 * Lanes drawn at once by default: all of them (at most six templates and the history). Vega's
 * dataflow awaits between its steps, so lanes in flight overlap those waits.
 */
export const CHART_CONCURRENCY = 8;

/**
 * Every chart of the report. Charts of the same template (kind × sparkline/detail) form a lane
 * drawn one after another by one View; the lanes run concurrently.
 */
export async function renderReportCharts(view: DriftReportView, concurrency = CHART_CONCURRENCY): Promise<ReportCharts> {
  const n = view.columns.length;
  const svgs = new Array<string>(2 * n).fill('');
  const lanes = new Map<string, Lane>();
  (['spark', 'detail'] as const).forEach((chartView, v) =>
    view.columns.forEach((column, i) => {
      const d = column.distribution;
      if (!hasValues(d)) return;
      const key = `${d.kind}:${chartView}`;
      let lane = lanes.get(key);
      if (lane === undefined) lanes.set(key, (lane = { kind: d.kind, view: chartView, charts: [] }));
      lane.charts.push({ slot: v * n + i, rows: distributionRows(d) });
    }),
  );
  const history = view.history;
  let historySvg: string | null = null;
  const jobs: (() => Promise<void>)[] = [...lanes].map(([key, lane]) => () => drawLane(key, lane, svgs));
  if (history !== undefined && history.windows.length > 0) jobs.unshift(async () => void (historySvg = await renderSpecSvg(historySpec(history))));
  await mapConcurrent(jobs, concurrency, (job) => job());
  return { spark: svgs.slice(0, n), detail: svgs.slice(n), history: historySvg };
}

async function drawLane(key: string, lane: Lane, svgs: string[]): Promise<void> {
  const view = new TemplateView(key, () => distributionSpec(lane.kind, lane.view), TABLE);
  try {
    for (const chart of lane.charts) svgs[chart.slot] = await view.render(chart.rows);
  } finally {
    view.finalize();
  }
}
