import type { LabelEvent, PredictionEvent } from '@mlops/contracts';
import type { GroundTruth } from './predictor';

/** A prediction as the stream emits it, with the truth that tests and the CSV writer need. */
export interface PredictionRecord {
  kind: 'prediction';
  /** 0-based position of the prediction in the stream. */
  index: number;
  phase: string;
  event: PredictionEvent;
  truth: GroundTruth;
}

/** The ground truth for an earlier prediction, emitted when its delay has passed. */
export interface LabelRecord {
  kind: 'label';
  /** Index of the prediction this label belongs to. */
  index: number;
  phase: string;
  event: LabelEvent;
  /** Index of the prediction right after which the label is emitted. */
  emittedAfter: number;
}

export type SimulationRecord = PredictionRecord | LabelRecord;
