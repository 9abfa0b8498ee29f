import type { TabularModel } from '@mlops/model';
import type { HoldoutEvaluation } from './evaluate-on-holdout';
import type { RetrainSettings } from './retrain-settings';

/** What started a training, recorded as the version's `trigger` tag. */
export type TrainingTrigger = 'drift_report' | 'schedule' | 'manual';

/** Every training option after defaults (hiddenUnits as "64,32"), and the sizes of the data. */
export function trainingParams(
  model: TabularModel,
  data: { rows: number; baseRows: number; trainRows: number; evaluation: HoldoutEvaluation; primaryMetric: string; settings: RetrainSettings },
): Record<string, string | number | boolean> {
  const params: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(model.metadata.training.options)) {
    if (value !== undefined) params[key] = Array.isArray(value) ? value.join(',') : (value as string | number | boolean);
  }
  return {
    ...params,
    rows: data.rows,
    baseRows: data.baseRows,
    trainRows: data.trainRows,
    holdoutRows: data.evaluation.rows,
    holdoutFraction: data.settings.holdoutFraction,
    holdoutUnknownClassRows: data.evaluation.unknownClassRows,
    primaryMetric: data.primaryMetric,
    minImprovement: data.settings.minImprovement,
    epochs: model.metadata.training.epochs,
    backend: model.metadata.training.backend,
  };
}

/** Who and what started the training, and the requests it also answered. */
export function trainingTags(
  input: { trigger: TrainingTrigger; trainer?: string; reason?: string; reportRef?: string; coalescedRequestIds?: readonly string[] },
  championProblem: string | undefined,
): Record<string, string> {
  return {
    trainer: input.trainer ?? 'retraining',
    trigger: input.trigger,
    ...(input.reason !== undefined && { reason: input.reason }),
    ...(input.reportRef !== undefined && { report_ref: input.reportRef }),
    ...(input.coalescedRequestIds && input.coalescedRequestIds.length > 0 && { coalesced_request_ids: input.coalescedRequestIds.join(',').slice(0, 4000) }),
    ...(championProblem !== undefined && { champion_problem: championProblem.slice(0, 4000) }),
  };
}
