import type { TopLevelSpec } from 'vega-lite';
import type { HistoryView } from '../report-view.types';
import { METRIC_COLOR, REFERENCE_COLOR, THRESHOLD_COLOR } from './chart-palette';
import { CHART_CONFIG } from './chart-theme';

export const DRIFT_SHARE_SERIES = 'dataset drift share';

/** Dataset drift share (and the primary metric, when labels arrived) per window, with the drift-share threshold dashed. */
export function historySpec(history: HistoryView): TopLevelSpec {
  const series = [DRIFT_SHARE_SERIES, ...(history.metricName === null ? [] : [history.metricName])];
  const values = history.windows.flatMap((w) => [
    { end: w.end, series: DRIFT_SHARE_SERIES, value: w.datasetDriftShare },
    ...(history.metricName !== null && w.metric !== null ? [{ end: w.end, series: history.metricName, value: w.metric }] : []),
  ]);
  // Shares and most metrics live in [0, 1]; a metric beyond it (an error in units) widens the axis.
  const numbers = values.map((v) => v.value);
  const unit = numbers.every((v) => v >= 0 && v <= 1);
  const x = { field: 'end', type: 'temporal', scale: { type: 'utc' }, axis: { title: 'window end (UTC)', format: '%b %d %H:%M', labelAngle: 0, tickCount: 6 } } as const;
  return {
    config: CHART_CONFIG,
    width: 640,
    height: 180,
    padding: 4,
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: true, strokeWidth: 1.5 },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', scale: { domain: [Math.min(0, ...numbers), Math.max(1, ...numbers)] }, axis: { title: null, format: unit ? '.0%' : '~s', tickCount: 5 } },
          color: { field: 'series', type: 'nominal', scale: { domain: series, range: [REFERENCE_COLOR, METRIC_COLOR] } },
        },
      },
      {
        data: { values: [{ threshold: history.driftShareThreshold }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: THRESHOLD_COLOR },
        encoding: { y: { field: 'threshold', type: 'quantitative' } },
      },
    ],
  };
}
