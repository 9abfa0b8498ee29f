/**
 * A streaming change detector fed one value at a time, e.g. a model's error
 * indicator (0/1) or a per-record loss.
 */
export interface DriftDetector {
  /** Whether the last update signalled a change. */
  readonly driftDetected: boolean;
  /** Changes signalled since construction or the last {@link reset}. */
  readonly driftCount: number;
  /** Inputs ignored as unusable (NaN, ±Infinity, null, wrong type, out of the detector's domain). */
  readonly skippedCount: number;
  /** Feeds one value; returns the detector so calls chain. Never throws. */
  update(x: number | boolean | null | undefined): this;
  /** Forgets everything: the detector behaves as newly constructed. */
  reset(): this;
}

/** A detector that also signals a warning zone before a change. */
export interface DriftAndWarningDetector extends DriftDetector {
  /** Whether the last update left the detector in its warning zone. */
  readonly warningDetected: boolean;
}

/**
 * Shared mechanics, following River's conventions:
 *
 * - after a drift, the detector's state is reset at the start of the *next*
 *   update, so `driftDetected` stays readable until then;
 * - an unusable input is counted in `skippedCount` and otherwise ignored
 *   (a pending post-drift reset still happens, so `driftDetected` always
 *   describes the latest update). River would let a NaN poison the state.
 *
 * Subclasses implement {@link step} (consume a valid value, report a drift) and
 * {@link clearState} (return to the initial state).
 */
export abstract class BaseDriftDetector implements DriftDetector {
  private drift = false;
  private drifts = 0;
  private skipped = 0;

  get driftDetected(): boolean {
    return this.drift;
  }

  get driftCount(): number {
    return this.drifts;
  }

  get skippedCount(): number {
    return this.skipped;
  }

  update(x: number | boolean | null | undefined): this {
    if (this.drift) {
      this.drift = false;
      this.clearState();
    }
    const value = this.accept(x);
    if (value === undefined) {
      this.skipped++;
      return this;
    }
    this.drift = this.step(value);
    if (this.drift) this.drifts++;
    return this;
  }

  reset(): this {
    this.drift = false;
    this.drifts = 0;
    this.skipped = 0;
    this.clearState();
    return this;
  }

  /** Consumes one valid value; returns whether a change is detected. */
  protected abstract step(x: number): boolean;

  /** Restores the statistical state to its initial value. */
  protected abstract clearState(): void;

  /** Maps an input to a usable number, or `undefined` to skip it. Booleans read as 1/0. */
  protected accept(x: unknown): number | undefined {
    if (typeof x === 'boolean') return x ? 1 : 0;
    return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
  }
}
