const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for doubles

/**
 * Exact floating-point accumulator: the sum of every added double is kept
 * without rounding as a short list of non-overlapping partials (Shewchuk,
 * "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric
 * Predicates", 1997), and read back correctly rounded.
 *
 * Why it exists: a plain `+=` makes merging order-dependent in the last bits,
 * so `merge(merge(a, b), c)` and `merge(a, merge(b, c))` could disagree. With
 * exact partials, merging is associative and commutative *exactly*: any
 * grouping of the same values reads back the same double.
 *
 * Cost: `add` is O(number of partials), which stays at 1–3 for typical data
 * (the number is bounded by the exponent range, never by the stream length).
 *
 * Limits: inputs must be finite and the running sum must stay finite; products
 * added with {@link addProduct} need |a|, |b| < ~1e150 (callers check that the
 * rounded product is finite first).
 */
export class ExactSum {
  private partials: number[] = [];

  /** Adds a finite double exactly. */
  add(x: number): this {
    const p = this.partials;
    let count = 0;
    for (let k = 0; k < p.length; k++) {
      let y = p[k];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[count++] = lo;
      x = hi;
    }
    p.length = count;
    p.push(x);
    return this;
  }

  /** Adds the exact (unrounded) product `a * b` (Dekker's two-product). */
  addProduct(a: number, b: number): this {
    const product = a * b;
    // Veltkamp splits: a = aHi + aLo, b = bHi + bLo with 26-bit halves, so every partial product is exact.
    const ca = SPLITTER * a;
    const aHi = ca - (ca - a);
    const aLo = a - aHi;
    const cb = SPLITTER * b;
    const bHi = cb - (cb - b);
    const bLo = b - bHi;
    const error = aHi * bHi - product + aHi * bLo + aLo * bHi + aLo * bLo;
    this.add(product);
    if (error !== 0) this.add(error);
    return this;
  }

  /** Adds every partial of `other` (exact, so merge order never matters). */
  addAll(other: ExactSum): this {
    for (const x of [...other.partials]) this.add(x); // copy: `other` may be this
    return this;
  }

  /** The exact sum rounded once to the nearest double (ties to even). */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // The partials below `lo` can push a half-way case over the edge.
    if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
      const twice = lo * 2;
      const candidate = hi + twice;
      if (twice === candidate - hi) hi = candidate;
    }
    return hi;
  }

  /** The exact sum's partials, e.g. to multiply expansions exactly. */
  terms(): readonly number[] {
    return this.partials;
  }

  clone(): ExactSum {
    const copy = new ExactSum();
    copy.partials = [...this.partials];
    return copy;
  }

  /**
   * Canonical form: the greedy expansion `[v0, v1, …]` where `v0` is the
   * correctly rounded sum and each next term is the correctly rounded
   * remainder. It depends only on the exact value, so two accumulators that
   * hold the same sum serialize identically whatever their history.
   */
  toJSON(): number[] {
    const rest = this.clone();
    const out: number[] = [];
    for (let v = rest.value(); v !== 0; v = rest.value()) {
      out.push(v);
      rest.add(-v);
    }
    return out;
  }

  static fromJSON(terms: readonly number[]): ExactSum {
    const sum = new ExactSum();
    for (const t of terms) sum.add(t);
    return sum;
  }
}
