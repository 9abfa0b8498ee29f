import type { PrometheusApi, RangeSeries } from '../../../prometheus/prometheus-api';
import { Period, periods, samples } from './series-periods';

const STEP_SECONDS = 1;
/** A series missing for longer than this had gone (scrapes and evaluations run every second). */
const MAX_GAP_MS = 5000;

type Sample = { at: number; value: number };

/** What Prometheus recorded about one model during a loop run, per version where it applies. */
export interface LoopInPrometheus {
  /** `up` per service (job mlops): its samples. */
  up: Record<string, Sample[]>;
  /** Features with a `mlops_feature_drift_score` series, per version. */
  featureDriftSeries: Record<string, string[]>;
  datasetDriftShare: Record<string, Sample[]>;
  /** `mlops_model_performance{metric="accuracy"}` per version: the current window's and the baseline. */
  accuracy: Record<string, { current: Sample[]; baseline: Sample[] }>;
  /** `mlops_deployments_total{outcome="promoted"}`. */
  promotions: Sample[];
  /** Versions the deployment service named champion (`mlops_champion_info`), in time order. */
  champion: (Period & { version: string })[];
  /** Versions inference served with (`mlops_model_deployed_info`), in time order. */
  servedWith: (Period & { version: string })[];
  /** `mlops_inference_requests_total{outcome="served"}` per version. */
  served: Record<string, Sample[]>;
  /** ALERTS periods: alert name, state, version (when the alert has one). */
  alerts: (Period & { alertname: string; state: string; version?: string })[];
}

/** Reads a loop run back from Prometheus with range queries over [fromMs, toMs]. */
export async function readLoopFromPrometheus(api: PrometheusApi, model: string, fromMs: number, toMs: number): Promise<LoopInPrometheus> {
  const range = (expr: string) => api.queryRange(expr, fromMs, toMs, STEP_SECONDS);
  const byLabel = (series: RangeSeries[], label: string) => Object.fromEntries(series.map((s) => [s.metric[label] ?? '', samples(s)]));
  const inTimeOrder = (series: RangeSeries[]) =>
    series.flatMap((s) => periods(s, MAX_GAP_MS).map((p) => ({ ...p, version: s.metric['version'] ?? '' }))).sort((a, b) => a.from - b.from);
  const m = JSON.stringify(model);

  const [up, featureScores, share, accuracy, promotions, champion, servedWith, served, alerts] = await Promise.all([
    range('up{job="mlops"}'),
    range(`mlops_feature_drift_score{model=${m}}`),
    range(`mlops_dataset_drift_share{model=${m}}`),
    range(`mlops_model_performance{model=${m}, metric="accuracy"}`),
    range(`sum(mlops_deployments_total{model=${m}, outcome="promoted"})`),
    range(`mlops_champion_info{model=${m}}`),
    range(`mlops_model_deployed_info{model=${m}}`),
    range(`sum by (version) (mlops_inference_requests_total{model=${m}, outcome="served"})`),
    range(`ALERTS{model=${m}} or ALERTS{model=""}`),
  ]);

  const featureDriftSeries: Record<string, string[]> = {};
  for (const s of featureScores) (featureDriftSeries[s.metric['version']] ??= []).push(s.metric['feature']);
  const accuracyByVersion: LoopInPrometheus['accuracy'] = {};
  for (const s of accuracy) (accuracyByVersion[s.metric['version']] ??= { current: [], baseline: [] })[s.metric['window'] === 'baseline' ? 'baseline' : 'current'] = samples(s);

  return {
    up: byLabel(up, 'service'),
    featureDriftSeries,
    datasetDriftShare: byLabel(share, 'version'),
    accuracy: accuracyByVersion,
    promotions: promotions[0] ? samples(promotions[0]) : [],
    champion: inTimeOrder(champion),
    servedWith: inTimeOrder(servedWith),
    served: byLabel(served, 'version'),
    alerts: alerts
      .flatMap((s) => periods(s, MAX_GAP_MS).map((p) => ({ ...p, alertname: s.metric['alertname'], state: s.metric['alertstate'], version: s.metric['version'] })))
      .sort((a, b) => a.from - b.from),
  };
}
