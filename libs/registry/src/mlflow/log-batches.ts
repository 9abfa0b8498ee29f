export interface MlflowMetric {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}
export interface MlflowKeyValue {
  key: string;
  value: string;
}
export interface LogBatch {
  metrics: MlflowMetric[];
  params: MlflowKeyValue[];
  tags: MlflowKeyValue[];
}

/** MLflow's log-batch limits: 100 params, 100 tags and 1000 entities in all per request. */
export const LOG_BATCH_LIMITS = { params: 100, tags: 100, entities: 1000 } as const;

/** Splits a run's data into as few log-batch requests as the server's limits allow. */
export function toLogBatches(metrics: MlflowMetric[], params: MlflowKeyValue[], tags: MlflowKeyValue[]): LogBatch[] {
  const metricsPerBatch = LOG_BATCH_LIMITS.entities - LOG_BATCH_LIMITS.params - LOG_BATCH_LIMITS.tags;
  const count = Math.max(
    Math.ceil(metrics.length / metricsPerBatch),
    Math.ceil(params.length / LOG_BATCH_LIMITS.params),
    Math.ceil(tags.length / LOG_BATCH_LIMITS.tags),
  );
  return Array.from({ length: count }, (_, i) => ({
    metrics: metrics.slice(i * metricsPerBatch, (i + 1) * metricsPerBatch),
    params: params.slice(i * LOG_BATCH_LIMITS.params, (i + 1) * LOG_BATCH_LIMITS.params),
    tags: tags.slice(i * LOG_BATCH_LIMITS.tags, (i + 1) * LOG_BATCH_LIMITS.tags),
  }));
}
