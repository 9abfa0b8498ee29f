import { requireInRange, requireInteger } from './detector-parameters';
import { InvalidDetectorParameterError } from './detector.errors';
import { BaseDriftDetector, DriftAndWarningDetector } from './drift-detector';

export interface DdmOptions {
  /** No warning or drift until more than this many values were seen. Default 30. */
  readonly warmStart?: number;
  /** Warning zone at p + s > p_min + w·s_min. Default 2 (≈ 95 % confidence). */
  readonly warningThreshold?: number;
  /** Drift at p + s > p_min + d·s_min; must be ≥ the warning threshold. Default 3 (≈ 99 %). */
  readonly driftThreshold?: number;
}

/**
 * DDM — Drift Detection Method (Gama, Medas, Castillo & Rodrigues, "Learning
 * with drift detection", SBIA 2004), for a stream of 0/1 error indicators
 * (1 = the model was wrong).
 *
 * The error count is binomial, so after t values the error rate pₜ has
 * standard deviation sₜ = √(pₜ(1 − pₜ)/t). While the concept is stable pₜ
 * should not grow; DDM remembers (p_min, s_min) where pₜ + sₜ was lowest and,
 * once t > `warmStart`, reports
 *
 *   warning  if pₜ + sₜ > p_min + w·s_min,
 *   drift    if pₜ + sₜ > p_min + d·s_min  (the warning is then cleared).
 *
 * Note (as River): the minimum is updated when pₜ + sₜ ≤ p_min + s_min, and
 * the thresholds multiply s_min only.
 *
 * Defaults (as River): warmStart = 30, w = 2, d = 3. Same detection and
 * warning indices as River's `drift.binary.DDM`; the state is reset at the
 * update after a drift. Inputs: booleans or numbers in [0, 1]; anything else
 * is skipped.
 */
export class Ddm extends BaseDriftDetector implements DriftAndWarningDetector {
  private readonly warmStart: number;
  private readonly warningThreshold: number;
  private readonly driftThreshold: number;

  private n = 0;
  private errorRate = 0;
  private pMin = Infinity;
  private sMin = Infinity;
  private psMin = Infinity;
  private warning = false;

  constructor(options: DdmOptions = {}) {
    super();
    const name = 'DDM';
    const positive = [0, Number.MAX_VALUE] as const;
    this.warmStart = requireInteger(name, 'warmStart', options.warmStart ?? 30, 0);
    this.warningThreshold = requireInRange(name, 'warningThreshold', options.warningThreshold ?? 2, positive, {
      lower: true,
    });
    this.driftThreshold = requireInRange(name, 'driftThreshold', options.driftThreshold ?? 3, positive, {
      lower: true,
    });
    if (this.driftThreshold < this.warningThreshold) {
      throw new InvalidDetectorParameterError(
        name,
        'driftThreshold',
        this.driftThreshold,
        `≥ warningThreshold (${this.warningThreshold})`,
      );
    }
  }

  get warningDetected(): boolean {
    return this.warning;
  }

  /** Error rate pₜ since the last reset. */
  get rate(): number {
    return this.errorRate;
  }

  /** Values consumed since the last reset. */
  get observations(): number {
    return this.n;
  }

  protected override accept(x: unknown): number | undefined {
    const value = super.accept(x);
    return value !== undefined && value >= 0 && value <= 1 ? value : undefined;
  }

  protected step(x: number): boolean {
    this.n += 1;
    this.errorRate += (1 / this.n) * (x - this.errorRate);
    const p = this.errorRate;
    const s = Math.sqrt((p * (1 - p)) / this.n);
    if (this.n <= this.warmStart) return false;

    if (p + s <= this.psMin) {
      this.pMin = p;
      this.sMin = s;
      this.psMin = p + s;
    }
    this.warning = p + s > this.pMin + this.warningThreshold * this.sMin;
    if (p + s > this.pMin + this.driftThreshold * this.sMin) {
      this.warning = false;
      return true;
    }
    return false;
  }

  protected clearState(): void {
    this.n = 0;
    this.errorRate = 0;
    this.pMin = Infinity;
    this.sMin = Infinity;
    this.psMin = Infinity;
    this.warning = false;
  }
}
