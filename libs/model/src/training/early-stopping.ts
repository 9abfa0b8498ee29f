export interface EarlyStoppingStep {
  /** The monitored value beat the best so far by more than minDelta. */
  readonly improved: boolean;
  /** `patience` epochs have passed without an improvement. */
  readonly stop: boolean;
}

/**
 * Early stopping on a value to minimise (validation loss): stop after `patience` epochs
 * without an improvement larger than `minDelta`. Pure bookkeeping; the trainer keeps the
 * weights of the best epoch and restores them at the end.
 */
export class EarlyStopping {
  private best = Number.POSITIVE_INFINITY;
  private bestAt = 0;
  private waited = 0;

  constructor(
    private readonly patience: number,
    private readonly minDelta: number,
  ) {}

  update(epoch: number, value: number): EarlyStoppingStep {
    if (value < this.best - this.minDelta) {
      this.best = value;
      this.bestAt = epoch;
      this.waited = 0;
      return { improved: true, stop: false };
    }
    this.waited++;
    return { improved: false, stop: this.waited >= this.patience };
  }

  get bestEpoch(): number {
    return this.bestAt;
  }

  get bestValue(): number {
    return this.best;
  }
}
