import { requireInRange, requireInteger, requireOneOf } from './detector-parameters';
import { BaseDriftDetector } from './drift-detector';

/** Which direction of change in the mean to detect. */
export type PageHinkleyMode = 'up' | 'down' | 'both';

export interface PageHinkleyOptions {
  /** No detection before this many values. Default 30. */
  readonly minInstances?: number;
  /** Magnitude of change tolerated, δ ≥ 0. Default 0.005. */
  readonly delta?: number;
  /** Detection threshold λ > 0. Default 50. */
  readonly threshold?: number;
  /** Forgetting factor α in (0, 1] applied to the cumulative sums. Default 0.9999. */
  readonly alpha?: number;
  /** Detect increases (`up`), decreases (`down`) or `both`. Default `both`. */
  readonly mode?: PageHinkleyMode;
}

const MODES: readonly PageHinkleyMode[] = ['up', 'down', 'both'];

/**
 * Page–Hinkley test (Page, "Continuous inspection schemes", Biometrika 41,
 * 1954), the sequential CUSUM test for a change in the mean, with a
 * forgetting factor and both directions (Sebastião & Fernandes, ISMIS 2017).
 *
 * With x̄ₜ the running mean of x₁…xₜ (including xₜ):
 *
 *   Uₜ = α·Uₜ₋₁ + (xₜ − x̄ₜ) − δ,   mₜ = min(m, Uₜ)   (increase)
 *   Lₜ = α·Lₜ₋₁ + (xₜ − x̄ₜ) + δ,   Mₜ = max(M, Lₜ)   (decrease; M starts at −1)
 *
 * and a change is signalled, once t ≥ `minInstances`, when Uₜ − mₜ > λ (`up`),
 * Mₜ − Lₜ > λ (`down`), or either (`both`).
 *
 * Defaults (as River): minInstances = 30, δ = 0.005, λ = 50, α = 0.9999,
 * mode `both`. Same arithmetic and detection indices as River's
 * `drift.PageHinkley`; the state is reset at the update after a detection.
 * No warning zone.
 */
export class PageHinkley extends BaseDriftDetector {
  private readonly minInstances: number;
  private readonly delta: number;
  private readonly threshold: number;
  private readonly alpha: number;
  private readonly mode: PageHinkleyMode;

  private n = 0;
  private runningMean = 0;
  private sumIncrease = 0;
  private sumDecrease = 0;
  private minIncrease = Infinity;
  private maxDecrease = -1;

  constructor(options: PageHinkleyOptions = {}) {
    super();
    const name = 'PageHinkley';
    this.minInstances = requireInteger(name, 'minInstances', options.minInstances ?? 30, 1);
    this.delta = requireInRange(name, 'delta', options.delta ?? 0.005, [0, Number.MAX_VALUE]);
    this.threshold = requireInRange(name, 'threshold', options.threshold ?? 50, [0, Number.MAX_VALUE], {
      lower: true,
    });
    this.alpha = requireInRange(name, 'alpha', options.alpha ?? 1 - 0.0001, [0, 1], { lower: true });
    this.mode = requireOneOf(name, 'mode', options.mode ?? 'both', MODES);
  }

  /** Running mean of the values since the last reset. */
  get mean(): number {
    return this.runningMean;
  }

  /** Values consumed since the last reset. */
  get observations(): number {
    return this.n;
  }

  protected step(x: number): boolean {
    this.n += 1;
    this.runningMean += (1 / this.n) * (x - this.runningMean);
    const deviation = x - this.runningMean;
    this.sumIncrease = this.alpha * this.sumIncrease + deviation - this.delta;
    this.sumDecrease = this.alpha * this.sumDecrease + deviation + this.delta;
    if (this.sumIncrease < this.minIncrease) this.minIncrease = this.sumIncrease;
    if (this.sumDecrease > this.maxDecrease) this.maxDecrease = this.sumDecrease;
    if (this.n < this.minInstances) return false;

    const up = this.sumIncrease - this.minIncrease > this.threshold;
    const down = this.maxDecrease - this.sumDecrease > this.threshold;
    return this.mode === 'up' ? up : this.mode === 'down' ? down : up || down;
  }

  protected clearState(): void {
    this.n = 0;
    this.runningMean = 0;
    this.sumIncrease = 0;
    this.sumDecrease = 0;
    this.minIncrease = Infinity;
    this.maxDecrease = -1;
  }
}
