/**
 * The Prometheus series the services export: the metrics table of the architecture brief
 * (mirrored in the README's metrics reference), `mlops_service_info` from libs/observability,
 * and the drift service's own series that alerts read (services/drift-computation/README.md).
 * Rules and dashboards may read these, Prometheus' own `up`, and the recording rules of
 * deploy/prometheus/rules — nothing else. Every name must be declared in a service's or lib's
 * source (prometheus-rules.spec.ts checks it).
 */
export const METRIC_CATALOG = {
  mlops_feature_drift_score: 'gauge',
  mlops_feature_drift_p_value: 'gauge',
  mlops_feature_drifted: 'gauge',
  mlops_dataset_drift_share: 'gauge',
  mlops_prediction_drift_score: 'gauge',
  mlops_model_performance: 'gauge',
  mlops_window_samples: 'gauge',
  mlops_label_coverage_ratio: 'gauge',
  mlops_retrain_requests_total: 'counter',
  mlops_events_total: 'counter',
  mlops_inference_requests_total: 'counter',
  mlops_inference_latency_seconds: 'histogram',
  mlops_model_deployed_info: 'gauge',
  mlops_deployments_total: 'counter',
  mlops_consumer_lag: 'gauge',
  mlops_service_info: 'gauge',
  // drift-computation (services/drift-computation/src/metrics/drift.metrics.ts)
  mlops_feature_drift_threshold: 'gauge',
  mlops_prediction_drifted: 'gauge',
  mlops_drift_window_end_timestamp_seconds: 'gauge',
  mlops_drift_window_evaluated_timestamp_seconds: 'gauge',
  mlops_drift_window_stall_threshold_seconds: 'gauge',
  mlops_drift_windows_total: 'counter',
  mlops_drift_window_evaluation_seconds: 'histogram',
  mlops_drift_detector_drifted: 'gauge',
  mlops_drift_detector_warning: 'gauge',
  mlops_drift_detector_last_detection_index: 'gauge',
  mlops_drift_detector_last_detection_timestamp_seconds: 'gauge',
  mlops_drift_detector_detections_total: 'counter',
  mlops_drift_monitored_version_info: 'gauge',
} as const;

/** Series Prometheus writes itself for every scrape target. */
export const PROMETHEUS_TARGET_SERIES: readonly string[] = ['up'];

const HISTOGRAM_SERIES = /^(.*)_(bucket|sum|count)$/;

/** True for a series name a service exports (histograms as their _bucket, _sum and _count series). */
export function isExportedSeries(name: string): boolean {
  if (name in METRIC_CATALOG) return METRIC_CATALOG[name as keyof typeof METRIC_CATALOG] !== 'histogram';
  const histogram = HISTOGRAM_SERIES.exec(name);
  return histogram !== null && METRIC_CATALOG[histogram[1] as keyof typeof METRIC_CATALOG] === 'histogram';
}
