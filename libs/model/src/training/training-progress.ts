/** Reported after every epoch, for service logs and CLI progress bars. */
export interface TrainingProgress {
  /** 1-based. */
  readonly epoch: number;
  readonly maxEpochs: number;
  /** Mean training loss of the epoch. */
  readonly loss: number;
  readonly validationLoss: number;
  /** `accuracy` for classification; `mae` (in label units) for regression. */
  readonly validationMetric: { readonly name: 'accuracy' | 'mae'; readonly value: number };
  /** Whether this epoch is the best so far (its weights are kept). */
  readonly improved: boolean;
  /** Milliseconds since training started (preprocessing included). */
  readonly elapsedMs: number;
}

export type ProgressCallback = (progress: TrainingProgress) => void;
