import type { ColumnReport } from '../../report/drift-report.types';
import { categoryBarsSvg } from './category-bars.svg';
import { histogramSvg } from './histogram.svg';

export const SPARK_SIZE = { width: 132, height: 34, axes: false } as const;
export const DETAIL_SIZE = { width: 560, height: 230, axes: true } as const;

/** The chart of a column in the table (spark) or in its detail view. */
export function columnChartSvg(column: ColumnReport, view: 'spark' | 'detail'): string {
  const size = view === 'spark' ? SPARK_SIZE : DETAIL_SIZE;
  return column.chart.kind === 'histogram' ? histogramSvg(column.chart, size, column.name) : categoryBarsSvg(column.chart, size, column.name);
}
