import type { RetrainStage } from '@mlops/lifecycle';

/** Where a request ended: answered by a registration or a rejection, or not trained here. */
export type RequestOutcome = 'registered' | 'rejected' | 'duplicate' | 'coalesced' | 'external_trainer' | 'invalid';

/** Stages of the service's flow: the shared use case's, plus the Kafka read and the publish. */
export type ServiceStage = RetrainStage | 'pull' | 'publish';

/** What the processor reports, for metrics (RetrainingMetrics) or a benchmark. */
export interface RetrainObserver {
  outcome(model: string, outcome: RequestOutcome): void;
  stage(model: string, stage: ServiceStage, seconds: number): void;
  trainingRows(model: string, rows: number): void;
}

export const NO_OBSERVER: RetrainObserver = { outcome: () => undefined, stage: () => undefined, trainingRows: () => undefined };
