import { ExactSum } from './exact-sum';
import { InvalidStatsJsonError } from './metric.errors';
import { isRecord, readCount, readTerms } from './stats-json';

/** Regression metric values; each is `null` when no row was counted. */
export interface RegressionMetrics {
  /** Rows counted. */
  readonly n: number;
  /** Rows ignored: a value was not a finite number, or so large (≳ 1e154) that its square overflows. */
  readonly skipped: number;
  /** mean(ŷ − y): > 0 means the model over-predicts. */
  readonly meanError: number | null;
  /** mean |ŷ − y|. */
  readonly mae: number | null;
  /** mean (ŷ − y)². */
  readonly mse: number | null;
  /** √mse. */
  readonly rmse: number | null;
  /**
   * mean |ŷ − y| / max(|y|, ε) with ε = 2⁻⁵², as scikit-learn: a zero target
   * gives a huge term rather than being dropped. A ratio, not a percentage.
   */
  readonly mape: number | null;
  /**
   * 1 − SSE/SST. `null` also when the targets are constant (SST = 0), where
   * R² is undefined (scikit-learn substitutes 1 or 0 by default).
   */
  readonly r2: number | null;
}

/** Serialized {@link RegressionStats}: exact sums as canonical term lists. */
export interface RegressionStatsJson {
  readonly kind: 'regression';
  readonly version: 1;
  readonly n: number;
  readonly skipped: number;
  readonly errorSum: number[];
  readonly absoluteErrorSum: number[];
  readonly squaredErrorSum: number[];
  readonly percentageErrorSum: number[];
  readonly targetSum: number[];
  readonly targetSquaredSum: number[];
}

const EPS = Number.EPSILON;

/**
 * Mergeable sufficient statistics for regression metrics: the count and
 * exact sums of e = ŷ − y, |e|, e², |e|/max(|y|, ε), y and y².
 *
 * Squares are added unrounded (two-product) and every sum is exact, so
 * `merge` is associative and commutative bit for bit, and R² is computed from
 * n·Σy² − (Σy)² evaluated exactly — no cancellation even when the targets sit
 * far from zero (e.g. y ≈ 10⁶ ± 1).
 *
 * `update` never throws: unusable rows are counted in `skipped`.
 */
export class RegressionStats {
  private n = 0;
  private skipped = 0;
  private errorSum = new ExactSum();
  private absoluteErrorSum = new ExactSum();
  private squaredErrorSum = new ExactSum();
  private percentageErrorSum = new ExactSum();
  private targetSum = new ExactSum();
  private targetSquaredSum = new ExactSum();

  update(yTrue: number | null | undefined, yPred: number | null | undefined): this {
    if (typeof yTrue !== 'number' || typeof yPred !== 'number') {
      this.skipped++;
      return this;
    }
    const error = yPred - yTrue;
    // Also rejects NaN/±Infinity, which make these products non-finite.
    if (!Number.isFinite(error * error) || !Number.isFinite(yTrue * yTrue) || !Number.isFinite(yPred)) {
      this.skipped++;
      return this;
    }
    const absolute = Math.abs(error);
    this.n++;
    this.errorSum.add(error);
    this.absoluteErrorSum.add(absolute);
    this.squaredErrorSum.addProduct(error, error);
    this.percentageErrorSum.add(absolute / Math.max(Math.abs(yTrue), EPS));
    this.targetSum.add(yTrue);
    this.targetSquaredSum.addProduct(yTrue, yTrue);
    return this;
  }

  /** Adds rows from parallel arrays. */
  updateMany(yTrue: ArrayLike<number | null | undefined>, yPred: ArrayLike<number | null | undefined>): this {
    const n = Math.min(yTrue.length, yPred.length);
    for (let i = 0; i < n; i++) this.update(yTrue[i], yPred[i]);
    return this;
  }

  /** Adds `other` into this accumulator (in place) and returns this. */
  merge(other: RegressionStats): this {
    this.n += other.n;
    this.skipped += other.skipped;
    this.errorSum.addAll(other.errorSum);
    this.absoluteErrorSum.addAll(other.absoluteErrorSum);
    this.squaredErrorSum.addAll(other.squaredErrorSum);
    this.percentageErrorSum.addAll(other.percentageErrorSum);
    this.targetSum.addAll(other.targetSum);
    this.targetSquaredSum.addAll(other.targetSquaredSum);
    return this;
  }

  clone(): RegressionStats {
    return new RegressionStats().merge(this);
  }

  compute(): RegressionMetrics {
    const n = this.n;
    if (n === 0) {
      return { n, skipped: this.skipped, meanError: null, mae: null, mse: null, rmse: null, mape: null, r2: null };
    }
    const mse = this.squaredErrorSum.value() / n;
    // n·SST = n·Σy² − (Σy)², exactly, then rounded once.
    const nTimesSst = new ExactSum();
    for (const q of this.targetSquaredSum.terms()) nTimesSst.addProduct(q, n);
    const sumTerms = this.targetSum.terms();
    for (const a of sumTerms) for (const b of sumTerms) nTimesSst.addProduct(-a, b);
    const sst = nTimesSst.value() / n;
    return {
      n,
      skipped: this.skipped,
      meanError: this.errorSum.value() / n,
      mae: this.absoluteErrorSum.value() / n,
      mse,
      rmse: Math.sqrt(mse),
      mape: this.percentageErrorSum.value() / n,
      r2: sst > 0 ? 1 - this.squaredErrorSum.value() / sst : null,
    };
  }

  toJSON(): RegressionStatsJson {
    return {
      kind: 'regression',
      version: 1,
      n: this.n,
      skipped: this.skipped,
      errorSum: this.errorSum.toJSON(),
      absoluteErrorSum: this.absoluteErrorSum.toJSON(),
      squaredErrorSum: this.squaredErrorSum.toJSON(),
      percentageErrorSum: this.percentageErrorSum.toJSON(),
      targetSum: this.targetSum.toJSON(),
      targetSquaredSum: this.targetSquaredSum.toJSON(),
    };
  }

  /** Rebuilds stats from {@link toJSON} output; throws `InvalidStatsJsonError` on a malformed value. */
  static fromJSON(json: unknown): RegressionStats {
    if (!isRecord(json) || json['kind'] !== 'regression' || json['version'] !== 1) {
      throw new InvalidStatsJsonError('$', "{ kind: 'regression', version: 1, … }");
    }
    const stats = new RegressionStats();
    stats.n = readCount(json['n'], 'n');
    stats.skipped = readCount(json['skipped'], 'skipped');
    const sum = (key: keyof RegressionStatsJson) => ExactSum.fromJSON(readTerms(json[key], key));
    stats.errorSum = sum('errorSum');
    stats.absoluteErrorSum = sum('absoluteErrorSum');
    stats.squaredErrorSum = sum('squaredErrorSum');
    stats.percentageErrorSum = sum('percentageErrorSum');
    stats.targetSum = sum('targetSum');
    stats.targetSquaredSum = sum('targetSquaredSum');
    return stats;
  }
}
