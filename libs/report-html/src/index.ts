// Shared HTML drift-report renderer (CLI `drift-report` and the drift service's report endpoint).
export { renderDriftReportHtml } from './render-drift-report-html';
export { CURRENT_COLOR, REFERENCE_COLOR } from './charts/chart-palette';
export { formatCount, formatNumber, formatShare } from './format/format-number';
export type {
  ColumnStatus,
  ColumnView,
  DistributionView,
  DriftReportView,
  HistoryView,
  MetricRow,
  NoteSection,
  PerformanceView,
  StatRow,
  SummaryCard,
  SummaryView,
  WindowView,
} from './report-view.types';
