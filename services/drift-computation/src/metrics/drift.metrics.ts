import { Inject, Injectable } from '@nestjs/common';
import type { DriftReport, RetrainReason } from '@mlops/contracts';
import { METRICS_REGISTRY, SERVICE_IDENTITY, ServiceIdentity } from '@mlops/observability';
import { SERVICE_CONFIG } from '@mlops/service-runtime';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DriftComputationConfig } from '../config/drift-computation-config.schema';
import { stallThresholdMs } from '../windows/stall-threshold';
import { SeriesBook } from './series-book';

/** Outcomes of `mlops_events_total` for this service. */
export type EventOutcome = 'accepted' | 'late' | 'unmonitored' | 'dead_lettered';

/** Versions of one model whose series are kept; an older one's series are removed. */
const VERSIONS_PER_MODEL = 2;

/**
 * The drift service's Prometheus series (names as in the README's metrics table). Label
 * cardinality is bounded: features come from the baseline schema and at most
 * DRIFT_METRICS_MAX_FEATURES of them are exported per model version (the rest are counted in
 * `mlops_drift_series_dropped_total`), and only the two most recent versions of a model keep
 * their series.
 */
@Injectable()
export class DriftMetrics {
  private readonly featureScore: Gauge<'model' | 'version' | 'feature' | 'method'>;
  private readonly featurePValue: Gauge<'model' | 'version' | 'feature' | 'method'>;
  private readonly featureThreshold: Gauge<'model' | 'version' | 'feature' | 'method'>;
  private readonly featureDrifted: Gauge<'model' | 'version' | 'feature'>;
  private readonly datasetShare: Gauge<'model' | 'version'>;
  private readonly predictionScore: Gauge<'model' | 'version' | 'method'>;
  private readonly predictionDrifted: Gauge<'model' | 'version'>;
  private readonly detectorDrifted: Gauge<'model' | 'version' | 'detector'>;
  private readonly detectorWarning: Gauge<'model' | 'version' | 'detector'>;
  private readonly detectorLastIndex: Gauge<'model' | 'version' | 'detector'>;
  private readonly detectorLastTime: Gauge<'model' | 'version' | 'detector'>;
  private readonly detections: Counter<'model' | 'detector'>;
  private readonly performance: Gauge<'model' | 'version' | 'metric' | 'window'>;
  private readonly samples: Gauge<'model' | 'version'>;
  private readonly coverage: Gauge<'model' | 'version'>;
  private readonly windowEnd: Gauge<'model' | 'version'>;
  private readonly evaluatedAt: Gauge<'model'>;
  private readonly monitored: Gauge<'model' | 'version'>;
  private readonly monitoredVersion = new Map<string, string>();
  private readonly retrains: Counter<'model' | 'reason'>;
  private readonly events: Counter<'service' | 'topic' | 'outcome'>;
  private readonly windows: Counter<'model' | 'drift_type'>;
  private readonly dropped: Counter<'model'>;
  private readonly rebuilds: Counter<'stage' | 'trigger'>;
  private readonly evaluation: Histogram;
  private readonly book: SeriesBook;
  private readonly lastEvaluatedMs = new Map<string, number>();
  private readonly maxFeatures: number;

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(SERVICE_IDENTITY) private readonly identity: ServiceIdentity,
    @Inject(SERVICE_CONFIG) config: DriftComputationConfig,
  ) {
    const registers = [registry];
    const feature = ['model', 'version', 'feature', 'method'] as const;
    this.maxFeatures = config.DRIFT_METRICS_MAX_FEATURES;
    this.featureScore = new Gauge({ name: 'mlops_feature_drift_score', help: 'Drift score of a feature in the last closed window (the method decides its scale).', labelNames: feature, registers });
    this.featurePValue = new Gauge({ name: 'mlops_feature_drift_p_value', help: 'p-value of the feature drift test, for tests that define one.', labelNames: feature, registers });
    this.featureThreshold = new Gauge({ name: 'mlops_feature_drift_threshold', help: 'Threshold the feature drift test decides on (on the p-value for hypothesis tests, else on the score).', labelNames: feature, registers });
    this.featureDrifted = new Gauge({ name: 'mlops_feature_drifted', help: '1 when the feature drifted in the last closed window.', labelNames: ['model', 'version', 'feature'], registers });
    this.datasetShare = new Gauge({ name: 'mlops_dataset_drift_share', help: 'Share of the features that drifted in the last closed window.', labelNames: ['model', 'version'], registers });
    this.predictionScore = new Gauge({ name: 'mlops_prediction_drift_score', help: 'Drift score of the model output in the last closed window.', labelNames: ['model', 'version', 'method'], registers });
    this.predictionDrifted = new Gauge({ name: 'mlops_prediction_drifted', help: '1 when the model output drifted in the last closed window (prediction drift test).', labelNames: ['model', 'version'], registers });
    const detector = ['model', 'version', 'detector'] as const;
    this.detectorDrifted = new Gauge({ name: 'mlops_drift_detector_drifted', help: '1 when the streaming detector signalled a change in the error stream of the last closed window.', labelNames: detector, registers });
    this.detectorWarning = new Gauge({ name: 'mlops_drift_detector_warning', help: '1 when the last closed window ended in the detector\'s warning zone (DDM).', labelNames: detector, registers });
    this.detectorLastIndex = new Gauge({ name: 'mlops_drift_detector_last_detection_index', help: 'Position in the version\'s error stream of the detector\'s latest detection.', labelNames: detector, registers });
    this.detectorLastTime = new Gauge({ name: 'mlops_drift_detector_last_detection_timestamp_seconds', help: 'Event-time end of the window of the detector\'s latest detection.', labelNames: detector, registers });
    this.detections = new Counter({ name: 'mlops_drift_detector_detections_total', help: 'Changes signalled by the streaming detectors on the error stream.', labelNames: ['model', 'detector'], registers });
    new Gauge({
      name: 'mlops_drift_window_stall_threshold_seconds',
      help: 'Wall-clock time without an evaluated window after which a model\'s windows count as stalled (DRIFT_STALL_AFTER, or derived from the window settings).',
      registers,
    }).set(stallThresholdMs({ kind: config.DRIFT_WINDOW_KIND, sizeMs: config.DRIFT_WINDOW_SIZE, latenessMs: config.DRIFT_ALLOWED_LATENESS, idleTimeoutMs: config.DRIFT_IDLE_TIMEOUT, override: config.DRIFT_STALL_AFTER }) / 1000);
    this.performance = new Gauge({ name: 'mlops_model_performance', help: 'Model metric on the labeled events of the last closed window (window="current") and at training (window="baseline").', labelNames: ['model', 'version', 'metric', 'window'], registers });
    this.samples = new Gauge({ name: 'mlops_window_samples', help: 'Predictions in the last closed window.', labelNames: ['model', 'version'], registers });
    this.coverage = new Gauge({ name: 'mlops_label_coverage_ratio', help: 'Labeled / predictions in the last closed window.', labelNames: ['model', 'version'], registers });
    this.windowEnd = new Gauge({ name: 'mlops_drift_window_end_timestamp_seconds', help: 'Event-time end of the last closed window.', labelNames: ['model', 'version'], registers });
    this.evaluatedAt = new Gauge({ name: 'mlops_drift_window_evaluated_timestamp_seconds', help: 'Wall-clock time the last window of the model was evaluated (stalled windows: it stops moving).', labelNames: ['model'], registers });
    this.monitored = new Gauge({
      name: 'mlops_drift_monitored_version_info',
      help: 'The deployed version of each model, whose windows the drift alerts judge (1); gauges of an earlier version stay until its last windows close, but are no longer alerted on.',
      labelNames: ['model', 'version'],
      registers,
    });
    this.retrains = new Counter({ name: 'mlops_retrain_requests_total', help: 'Retrain requests emitted, by reason.', labelNames: ['model', 'reason'], registers });
    this.events = new Counter({ name: 'mlops_events_total', help: 'Events consumed, by outcome: accepted, late (its window had closed), unmonitored (no baseline for its model version), dead_lettered.', labelNames: ['service', 'topic', 'outcome'], registers });
    this.windows = new Counter({ name: 'mlops_drift_windows_total', help: 'Windows evaluated, by drift type (insufficient: too few predictions to test).', labelNames: ['model', 'drift_type'], registers });
    this.dropped = new Counter({ name: 'mlops_drift_series_dropped_total', help: 'Feature series not exported because the model has more features than DRIFT_METRICS_MAX_FEATURES.', labelNames: ['model'], registers });
    this.rebuilds = new Counter({
      name: 'mlops_drift_state_rebuilds_total',
      help: 'Partition states rebuilt by replay: at start (trigger="start") or when a partition came here from another instance or after a gap (trigger="resume"); stage source or evaluator.',
      labelNames: ['stage', 'trigger'],
      registers,
    });
    this.evaluation = new Histogram({ name: 'mlops_drift_window_evaluation_seconds', help: 'Time to merge the partials of a window and evaluate it.', buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.25, 1], registers });
    this.book = new SeriesBook(VERSIONS_PER_MODEL, (series) => {
      for (const s of series) {
        const gauge = this.gaugeByName(s.metric);
        gauge?.remove(s.labels);
      }
    });
  }

  countEvents(topic: string, outcome: EventOutcome, n: number): void {
    if (n > 0) this.events.inc({ service: this.identity.service, topic, outcome }, n);
  }

  stateRebuilt(stage: 'source' | 'evaluator', trigger: 'start' | 'resume', partitions = 1): void {
    if (partitions > 0) this.rebuilds.inc({ stage, trigger }, partitions);
  }

  observeEvaluation(seconds: number): void {
    this.evaluation.observe(seconds);
  }

  /** A new version of `model` was deployed: alerts follow it from now on. */
  versionDeployed(model: string, version: string): void {
    const previous = this.monitoredVersion.get(model);
    if (previous === version) return;
    if (previous !== undefined) this.monitored.remove({ model, version: previous });
    this.monitoredVersion.set(model, version);
    this.monitored.set({ model, version }, 1);
  }

  retrainRequested(model: string, reason: RetrainReason): void {
    this.retrains.inc({ model, reason });
  }

  /**
   * After a replay: when the replayed window was evaluated (the broker time of the partial that
   * completed it), unless a later evaluation is known. Nothing else of a replayed window is
   * exported, but without this a restart would hide windows that stalled before it.
   */
  restoreEvaluatedAt(model: string, evaluatedAtMs: number): void {
    if (!Number.isFinite(evaluatedAtMs)) return;
    const known = this.lastEvaluatedMs.get(model) ?? -Infinity;
    if (evaluatedAtMs <= known) return;
    this.lastEvaluatedMs.set(model, evaluatedAtMs);
    this.evaluatedAt.set({ model }, evaluatedAtMs / 1000);
  }

  /** Publishes the gauges of a window's report (the last closed window wins). */
  report(report: DriftReport, sufficient: boolean, nowMs: number): void {
    const { model, version } = report;
    const set = (gauge: Gauge<string>, metric: string, labels: Record<string, string>, value: number) => {
      gauge.set(labels, value);
      this.book.record(model, version, { metric, labels });
    };
    this.windows.inc({ model, drift_type: sufficient ? report.driftType : 'insufficient' });
    this.lastEvaluatedMs.set(model, nowMs);
    this.evaluatedAt.set({ model }, nowMs / 1000);
    set(this.samples, 'samples', { model, version }, report.samples.current);
    set(this.coverage, 'coverage', { model, version }, report.samples.current > 0 ? report.samples.labeled / report.samples.current : 0);
    set(this.windowEnd, 'windowEnd', { model, version }, Date.parse(report.window.end) / 1000);
    this.reportDetectors(report, set);
    if (!sufficient) return;
    set(this.datasetShare, 'datasetShare', { model, version }, report.datasetDrift.share);
    if (report.predictionDrift) {
      set(this.predictionScore, 'predictionScore', { model, version, method: report.predictionDrift.method }, report.predictionDrift.score);
      set(this.predictionDrifted, 'predictionDrifted', { model, version }, report.predictionDrift.drifted ? 1 : 0);
    }
    report.features.forEach((f, i) => {
      if (i >= this.maxFeatures) return;
      const labels = { model, version, feature: f.feature, method: f.method };
      set(this.featureScore, 'featureScore', labels, f.score);
      set(this.featureThreshold, 'featureThreshold', labels, f.threshold);
      if (f.pValue !== undefined) set(this.featurePValue, 'featurePValue', labels, f.pValue);
      set(this.featureDrifted, 'featureDrifted', { model, version, feature: f.feature }, f.drifted ? 1 : 0);
    });
    if (report.features.length > this.maxFeatures) this.dropped.inc({ model }, report.features.length - this.maxFeatures);
    for (const m of report.performance?.metrics ?? []) {
      set(this.performance, 'performance', { model, version, metric: m.metric, window: 'current' }, m.current);
      set(this.performance, 'performance', { model, version, metric: m.metric, window: 'baseline' }, m.baseline);
    }
  }

  /** Detectors run on labels, so their series are set whether or not the window had enough predictions. */
  private reportDetectors(report: DriftReport, set: (gauge: Gauge<string>, metric: string, labels: Record<string, string>, value: number) => void): void {
    const { model, version } = report;
    for (const d of report.detectors ?? []) {
      const labels = { model, version, detector: d.method };
      set(this.detectorDrifted, 'detectorDrifted', labels, d.drifted ? 1 : 0);
      set(this.detectorWarning, 'detectorWarning', labels, d.warning ? 1 : 0);
      if (!d.drifted) continue;
      this.detections.inc({ model, detector: d.method }, d.drifts);
      const last = d.detections[d.detections.length - 1];
      if (last) set(this.detectorLastIndex, 'detectorLastIndex', labels, last.index);
      set(this.detectorLastTime, 'detectorLastTime', labels, Date.parse(report.window.end) / 1000);
    }
  }

  private gaugeByName(metric: string): Gauge<string> | undefined {
    const gauges: Record<string, Gauge<string>> = {
      samples: this.samples,
      coverage: this.coverage,
      windowEnd: this.windowEnd,
      datasetShare: this.datasetShare,
      predictionScore: this.predictionScore,
      predictionDrifted: this.predictionDrifted,
      detectorDrifted: this.detectorDrifted,
      detectorWarning: this.detectorWarning,
      detectorLastIndex: this.detectorLastIndex,
      detectorLastTime: this.detectorLastTime,
      featureScore: this.featureScore,
      featureThreshold: this.featureThreshold,
      featurePValue: this.featurePValue,
      featureDrifted: this.featureDrifted,
      performance: this.performance,
    };
    return gauges[metric];
  }
}
