import type { RetrainReason } from '@mlops/contracts';
import type { TrainingTrigger } from '@mlops/lifecycle';

/** The lineage trigger of a request: a drift report, the schedule, or a person. */
export function triggerOf(reason: RetrainReason): TrainingTrigger {
  if (reason === 'schedule') return 'schedule';
  if (reason === 'manual') return 'manual';
  return 'drift_report';
}
