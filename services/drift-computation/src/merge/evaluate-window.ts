import { classifyDriftType, DRIFT_REPORT_SCHEMA_VERSION, DriftReport, FeatureDrift } from '@mlops/contracts';
import { ColumnDriftResult, evaluateDrift } from '@mlops/drift-stats';
import type { Baseline } from '../baselines/baseline';
import type { DetectorWindowState } from '../detectors/streaming-detectors';
import type { RetrainPolicy } from '../policy/retrain-policy';
import { reportKind, timeWindowBounds, WindowSpec } from '../windows/windowing';
import { comparePerformance, windowMetrics } from './compare-performance';
import { FeatureDistribution, featureDistributions } from './feature-distributions';
import type { MergedWindow } from './merge-partials';
import { reportIdOf, WindowIdentity } from './report-ids';

export interface EvaluationInput {
  model: string;
  index: number;
  spec: WindowSpec;
  merged: MergedWindow;
  baseline: Baseline;
  policy: RetrainPolicy;
  /** What the version's streaming detectors did on this window's errors (undefined: none ran). */
  detectors?: DetectorWindowState[];
  generatedAt: Date;
}

export interface WindowEvaluation {
  readonly report: DriftReport;
  readonly identity: WindowIdentity;
  /** At least `minSamples` predictions: drift was tested. Otherwise the report says nothing drifted. */
  readonly sufficient: boolean;
  /** At least `minLabeled` labels. */
  readonly labeledEnough: boolean;
  /** A streaming detector signalled a change in this window. */
  readonly detectorDrift: boolean;
  readonly startMs: number;
  readonly endMs: number;
  readonly primaryMetric?: string;
  /** For the HTML report: reference vs current shares per column (empty when too few samples). */
  readonly distributions: FeatureDistribution[];
}

/** The identity of a window under the configured cut. */
export function windowIdentity(model: string, version: string, spec: WindowSpec, index: number): WindowIdentity {
  return { model, version, cut: spec.kind === 'time' ? `tumbling:${spec.sizeMs}` : `count:${spec.events}`, index };
}

/**
 * Turns a merged window into a DriftReport: per-feature tests (default method per feature, or
 * the policy's), dataset drift share against the policy threshold, prediction drift, performance
 * against the baseline's metrics where labels arrived, and the drift type. A window with fewer
 * than `minSamples` predictions is reported as such — no feature results, no drift — never as drift.
 */
export function evaluateWindow(input: EvaluationInput): WindowEvaluation {
  const { model, index, spec, merged, baseline, policy } = input;
  const identity = windowIdentity(model, baseline.version, spec, index);
  const bounds = spec.kind === 'time' ? timeWindowBounds(spec.sizeMs, index) : { startMs: merged.minTimeMs, endMs: merged.maxTimeMs };
  const sufficient = merged.current !== null && merged.currentRows >= policy.minSamples;
  const drift = sufficient && merged.current ? evaluateDrift(baseline.reference, merged.current, { columns: policy.columns, datasetDriftShare: policy.datasetDriftShare }) : null;
  const performance =
    merged.performance && baseline.task && merged.labeledRows > 0
      ? comparePerformance(windowMetrics(merged.performance, policy.positiveLabel !== undefined), baseline.metrics, policy, baseline.task, merged.labeledRows)
      : undefined;
  const datasetDrift = drift
    ? { share: drift.datasetDrift.share, threshold: drift.datasetDrift.threshold, drifted: drift.datasetDrift.drifted }
    : { share: 0, threshold: policy.datasetDriftShare, drifted: false };
  const predictionDrift = drift?.predictionDrift && !drift.predictionDrift.insufficientData ? statResult(drift.predictionDrift) : undefined;
  const report: DriftReport = {
    schemaVersion: DRIFT_REPORT_SCHEMA_VERSION,
    reportId: reportIdOf(identity),
    model,
    version: baseline.version,
    window: { kind: reportKind(spec), start: new Date(bounds.startMs).toISOString(), end: new Date(bounds.endMs).toISOString() },
    samples: { reference: baseline.reference.rows, current: merged.currentRows, labeled: merged.labeledRows },
    features: drift ? drift.columns.filter((c) => c.role === 'feature' && Number.isFinite(c.score)).map(featureResult) : [],
    datasetDrift,
    ...(predictionDrift ? { predictionDrift } : {}),
    ...(performance ? { performance: { metrics: performance.metrics, degraded: performance.degraded } } : {}),
    ...(input.detectors && input.detectors.length > 0 ? { detectors: input.detectors } : {}),
    driftType: classifyDriftType({
      dataDrift: datasetDrift.drifted,
      predictionDrift: predictionDrift?.drifted ?? false,
      performanceDegraded: performance?.degraded ?? false,
    }),
    generatedAt: input.generatedAt.toISOString(),
  };
  return {
    report,
    identity,
    sufficient,
    labeledEnough: merged.labeledRows >= policy.minLabeled,
    detectorDrift: input.detectors?.some((d) => d.drifted) ?? false,
    startMs: bounds.startMs,
    endMs: bounds.endMs,
    ...(performance ? { primaryMetric: performance.primary } : {}),
    distributions: drift && merged.current ? featureDistributions(baseline.reference, merged.current) : [],
  };
}

function statResult(c: ColumnDriftResult) {
  return {
    method: c.method,
    score: c.score,
    ...(c.pValue !== undefined && Number.isFinite(c.pValue) ? { pValue: Math.min(1, Math.max(0, c.pValue)) } : {}),
    threshold: c.threshold,
    drifted: c.drifted,
  };
}

function featureResult(c: ColumnDriftResult): FeatureDrift {
  return { feature: c.name, type: c.type === 'numerical' ? 'numerical' : 'categorical', ...statResult(c) };
}
