import { AdaptiveWindow, AdaptiveWindowSettings } from './adaptive-window';
import { requireInRange, requireInteger } from './detector-parameters';
import { BaseDriftDetector } from './drift-detector';

export interface AdwinOptions {
  /** Confidence δ of the cut test, in (0, 1); smaller = fewer false alarms, slower detection. Default 0.002. */
  readonly delta?: number;
  /** Check for a change every `clock` values (1 = every value). Default 32. */
  readonly clock?: number;
  /** Summaries kept per level of the compressed window before two merge. Default 5. */
  readonly maxBuckets?: number;
  /** Both sub-windows of a cut need at least this many values. Default 5. */
  readonly minWindowLength?: number;
  /** No check until the window holds more than this many values. Default 10. */
  readonly gracePeriod?: number;
}

/**
 * ADWIN — ADaptive WINdowing (Bifet & Gavaldà, "Learning from time-changing
 * data with adaptive windowing", SIAM SDM 2007), in its ADWIN2 form.
 *
 * Keeps a window W of recent real values, compressed in an exponential
 * histogram (O(log W) memory). Every `clock` values it considers each split
 * W = W₀·W₁ (W₀ older), and signals a change when the sub-window means differ
 * by more than
 *
 *   ε = √(2·(1/m)·σ²_W·δ') + (2/3)·δ'·(1/m),
 *   δ' = ln(2·ln|W| / δ),   1/m = 1/(|W₀| − L + 1) + 1/(|W₁| − L + 1),
 *
 * where σ²_W is the window variance and L = `minWindowLength`. While a cut
 * holds, the oldest summary is dropped and the splits are scanned again.
 *
 * Defaults (as River): δ = 0.002, clock = 32, maxBuckets = 5,
 * minWindowLength = 5, gracePeriod = 10. Like River's `drift.ADWIN`, the
 * window is cleared at the update after a detection, and detections happen at
 * the same stream indices as River's on the same input.
 */
export class Adwin extends BaseDriftDetector {
  private readonly settings: AdaptiveWindowSettings;
  private window: AdaptiveWindow;

  constructor(options: AdwinOptions = {}) {
    super();
    const name = 'ADWIN';
    this.settings = {
      delta: requireInRange(name, 'delta', options.delta ?? 0.002, [0, 1], { lower: true, upper: true }),
      clock: requireInteger(name, 'clock', options.clock ?? 32, 1),
      maxBuckets: requireInteger(name, 'maxBuckets', options.maxBuckets ?? 5, 1),
      minWindowLength: requireInteger(name, 'minWindowLength', options.minWindowLength ?? 5, 1),
      gracePeriod: requireInteger(name, 'gracePeriod', options.gracePeriod ?? 10, 0),
    };
    this.window = new AdaptiveWindow(this.settings);
  }

  /** Number of values in the current window. */
  get width(): number {
    return this.window.width;
  }

  /** Sum of the values in the current window. */
  get total(): number {
    return this.window.total;
  }

  /** Mean of the current window (0 when empty). */
  get estimation(): number {
    return this.window.width === 0 ? 0 : this.window.total / this.window.width;
  }

  /** Population variance of the current window (0 when empty). */
  get variance(): number {
    return this.window.width === 0 ? 0 : this.window.variance / this.window.width;
  }

  protected step(x: number): boolean {
    return this.window.update(x);
  }

  protected clearState(): void {
    this.window = new AdaptiveWindow(this.settings);
  }
}
