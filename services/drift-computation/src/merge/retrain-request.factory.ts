import { RETRAIN_REQUEST_SCHEMA_VERSION, RetrainRequest } from '@mlops/contracts';
import type { RetrainDecision } from '../policy/decide-retrain';
import type { WindowEvaluation } from './evaluate-window';
import { requestIdOf } from './report-ids';

type Retrain = Extract<RetrainDecision, { action: 'retrain' }>;

/** The RetrainRequest for a window the policy fired on; its id is derived from the window, so it never repeats. */
export function retrainRequestFor(evaluation: WindowEvaluation, decision: Retrain, requestedAt: Date): RetrainRequest {
  return {
    schemaVersion: RETRAIN_REQUEST_SCHEMA_VERSION,
    requestId: requestIdOf(evaluation.identity),
    model: evaluation.report.model,
    reason: decision.reason,
    detail: describe(evaluation, decision).slice(0, 1000),
    reportRef: evaluation.report.reportId,
    dataWindow: { from: new Date(decision.fromMs).toISOString(), to: new Date(decision.toMs).toISOString() },
    requestedAt: requestedAt.toISOString(),
  };
}

function describe(evaluation: WindowEvaluation, decision: Retrain): string {
  const { report } = evaluation;
  const span = `${decision.windows} consecutive window${decision.windows === 1 ? '' : 's'} of version ${report.version}`;
  if (decision.reason === 'concept_drift') {
    const primary = report.performance?.metrics.find((m) => m.metric === evaluation.primaryMetric);
    const change = primary ? `: ${primary.metric} ${primary.current.toFixed(4)} against ${primary.baseline.toFixed(4)} at training` : '';
    return `concept drift in ${span}${change}`;
  }
  if (decision.reason === 'data_drift') {
    const drifted = report.features.filter((f) => f.drifted).map((f) => f.feature);
    return `data drift in ${span}: ${drifted.length} of ${report.features.length} features drifted (${drifted.join(', ')})`;
  }
  return `prediction drift in ${span}`;
}
