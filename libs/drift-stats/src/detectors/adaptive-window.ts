/** Settings of {@link AdaptiveWindow}; validated by the ADWIN detector. */
export interface AdaptiveWindowSettings {
  readonly delta: number;
  readonly clock: number;
  readonly maxBuckets: number;
  readonly minWindowLength: number;
  readonly gracePeriod: number;
}

/** Summaries of 2^level values each, oldest first: their sums and their sums of squared deviations. */
interface Level {
  readonly totals: number[];
  readonly variances: number[];
}

/**
 * ADWIN2's compressed window (exponential histogram). Level k holds up to
 * `maxBuckets` summaries of 2^k consecutive values; when a level gets one
 * more, its two oldest summaries merge into one of the next level, so a
 * window of width W takes O(maxBuckets · log W) memory.
 *
 * Each summary keeps the sum and the sum of squared deviations (M2) of its
 * values; summaries combine with the parallel-variance formula
 * M2 = M2₁ + M2₂ + n₁n₂/(n₁+n₂)·(μ₁ − μ₂)².
 *
 * The floating-point operations follow River's implementation step for step,
 * in the same order, so that the same stream gives the same detections.
 */
export class AdaptiveWindow {
  /** Number of values in the window. */
  width = 0;
  /** Sum of the values in the window. */
  total = 0;
  /** Sum of squared deviations from the window mean (M2). */
  variance = 0;

  private tick = 0;
  private readonly levels: Level[] = [newLevel()];

  constructor(private readonly settings: AdaptiveWindowSettings) {}

  /** Adds a value, then (every `clock` values) drops old data while a cut shows a change. */
  update(value: number): boolean {
    this.insert(value);
    return this.detectChange();
  }

  private insert(value: number): void {
    this.levels[0].totals.push(value);
    this.levels[0].variances.push(0);
    // Streaming M2 update, before the total takes the new value.
    this.width += 1;
    let increment = 0;
    if (this.width > 1) {
      const deviation = value - this.total / (this.width - 1);
      increment = ((this.width - 1) * deviation * deviation) / this.width;
    }
    this.variance += increment;
    this.total += value;
    this.compress();
  }

  private compress(): void {
    const capacity = this.settings.maxBuckets + 1;
    for (let k = 0; this.levels[k].totals.length === capacity; k++) {
      const level = this.levels[k];
      const size = 2 ** k;
      const [t0, t1] = level.totals;
      const [v0, v1] = level.variances;
      const mean0 = t0 / size;
      const mean1 = t1 / size;
      // n₁n₂/(n₁+n₂) = size/2 for two summaries of equal size.
      const between = size * 0.5 * (mean0 - mean1) * (mean0 - mean1);
      if (k + 1 === this.levels.length) this.levels.push(newLevel());
      const next = this.levels[k + 1];
      next.totals.push(t0 + t1);
      next.variances.push(v0 + v1 + between);
      level.totals.splice(0, 2);
      level.variances.splice(0, 2);
    }
  }

  /** Drops the oldest summary (from the highest level). */
  private deleteOldest(): void {
    const top = this.levels.length - 1;
    const level = this.levels[top];
    const size = 2 ** top;
    const removedTotal = level.totals[0];
    const removedVariance = level.variances[0];
    const removedMean = removedTotal / size;
    this.width -= size;
    this.total -= removedTotal;
    const windowMean = this.total / this.width;
    this.variance -=
      removedVariance +
      (size * this.width * (removedMean - windowMean) * (removedMean - windowMean)) / (size + this.width);
    level.totals.shift();
    level.variances.shift();
    // Keep the highest level non-empty (only maxBuckets = 1 can leave empty levels below it).
    while (this.levels.length > 1 && this.levels[this.levels.length - 1].totals.length === 0) {
      this.levels.pop();
    }
  }

  private detectChange(): boolean {
    const { clock, gracePeriod, minWindowLength } = this.settings;
    let detected = false;
    this.tick += 1;
    if (this.tick % clock !== 0 || this.width <= gracePeriod) return false;

    let shrink = true;
    while (shrink) {
      shrink = false;
      // Scan every cut W = W0 · W1 from the oldest summary on; W0 is the older part.
      let n0 = 0;
      let n1 = this.width;
      let u0 = 0;
      let u1 = this.total;
      scan: for (let k = this.levels.length - 1; k >= 0; k--) {
        const size = 2 ** k;
        const totals = this.levels[k].totals;
        for (let i = 0; i < totals.length; i++) {
          n0 += size;
          n1 -= size;
          u0 += totals[i];
          u1 -= totals[i];
          if (k === 0 && i === totals.length - 1) break scan; // W1 would be empty
          const meanDifference = u0 / n0 - u1 / n1;
          if (n1 >= minWindowLength && n0 >= minWindowLength && this.isCut(n0, n1, meanDifference)) {
            shrink = true;
            detected = true;
            this.deleteOldest();
            break scan;
          }
        }
      }
    }
    return detected;
  }

  /**
   * The cut test: |μ₀ − μ₁| > ε with
   *   δ' = ln(2·ln(W)/δ),  1/m = 1/(n₀ − L + 1) + 1/(n₁ − L + 1)  (L = minWindowLength),
   *   ε  = √(2·(1/m)·σ²_W·δ') + (2/3)·δ'·(1/m),
   * the Bernstein-type bound of Bifet & Gavaldà (2007) with the window variance σ²_W.
   */
  private isCut(n0: number, n1: number, meanDifference: number): boolean {
    const { delta, minWindowLength } = this.settings;
    const deltaPrime = Math.log((2 * Math.log(this.width)) / delta);
    const mInverse = 1 / (n0 - minWindowLength + 1) + 1 / (n1 - minWindowLength + 1);
    const epsilon =
      Math.sqrt(2 * mInverse * (this.variance / this.width) * deltaPrime) + (2 / 3) * deltaPrime * mInverse;
    return Math.abs(meanDifference) > epsilon;
  }
}

function newLevel(): Level {
  return { totals: [], variances: [] };
}
