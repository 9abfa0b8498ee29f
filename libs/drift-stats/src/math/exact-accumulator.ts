const VELTKAMP = 134217729; // 2^27 + 1: splits a double into two 26-bit halves

/**
 * A sum of doubles kept exactly, as a short expansion of non-overlapping partials in
 * increasing magnitude (Shewchuk 1997, "Adaptive Precision Floating-Point Arithmetic and Fast
 * Robust Geometric Predicates"; the same grow-expansion as Python's math.fsum). Each add is an
 * error-free two-sum against each partial, so nothing is ever rounded away: the represented value
 * depends only on the multiset of addends, never on their order or grouping. That is what makes
 * profile moments merge *exactly* (merge(A, B) and the profile of A ∪ B hold the same value).
 *
 * Cost: O(partials) per add; the count stays at 1–3 for ordinary data (bounded by the exponent
 * range, never by the number of addends). Addends must be finite and the sum must stay finite.
 */
export class ExactAccumulator {
  private partials: Float64Array;
  private size = 0;

  constructor(initial?: readonly number[]) {
    this.partials = new Float64Array(8);
    if (initial) for (const x of initial) this.add(x);
  }

  add(value: number): void {
    let x = value;
    const p = this.partials;
    const size = this.size;
    let count = 0;
    for (let k = 0; k < size; k++) {
      // Knuth's branch-free two-sum: hi + lo = x + y exactly
      const y = p[k];
      const hi = x + y;
      const yVirtual = hi - x;
      const lo = x - (hi - yVirtual) + (y - yVirtual);
      if (lo !== 0) p[count++] = lo;
      x = hi;
    }
    if (x !== 0) {
      if (count >= this.partials.length) this.grow();
      this.partials[count++] = x;
    }
    this.size = count;
  }

  /** Add the exact product a·b (Dekker's two-product over Veltkamp splits); |a·b| must be finite. */
  addProduct(a: number, b: number): void {
    const product = a * b;
    const ca = VELTKAMP * a;
    const aHi = ca - (ca - a);
    const aLo = a - aHi;
    const cb = VELTKAMP * b;
    const bHi = cb - (cb - b);
    const bLo = b - bHi;
    const error = aHi * bHi - product + aHi * bLo + aLo * bHi + aLo * bLo;
    this.add(product);
    if (error !== 0) this.add(error);
  }

  /** Add the exact square a² (two-product specialised to a·a); |a| < 1e150. */
  addSquare(a: number): void {
    const square = a * a;
    const c = VELTKAMP * a;
    const hi = c - (c - a);
    const lo = a - hi;
    const error = hi * hi - square + 2 * hi * lo + lo * lo;
    this.add(square);
    if (error !== 0) this.add(error);
  }

  addAll(other: ExactAccumulator): void {
    const terms = other.terms();
    for (let i = 0; i < terms.length; i++) this.add(terms[i]);
  }

  /** The exact sum rounded once, to nearest (ties to even). */
  value(): number {
    const p = this.partials;
    let i = this.size;
    if (i === 0) return 0;
    let hi = p[--i];
    let lo = 0;
    while (i > 0) {
      const x = hi;
      const y = p[--i];
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Half-way cases: the partials below may tip the rounding.
    if (i > 0 && ((lo < 0 && p[i - 1] < 0) || (lo > 0 && p[i - 1] > 0))) {
      const twice = lo * 2;
      const candidate = hi + twice;
      if (twice === candidate - hi) hi = candidate;
    }
    return hi;
  }

  /** The partials (a copy), smallest first; `new ExactAccumulator(terms)` restores the value. */
  terms(): number[] {
    return Array.from(this.partials.subarray(0, this.size));
  }

  clone(): ExactAccumulator {
    return new ExactAccumulator(this.terms());
  }

  private grow(): void {
    const next = new Float64Array(this.partials.length * 2);
    next.set(this.partials);
    this.partials = next;
  }
}

/**
 * Population variance from exact Σx and Σx² over n values: (n·Σx² − (Σx)²)/n², with the
 * numerator formed exactly from the expansions and rounded once, so it neither cancels
 * catastrophically (values far from zero) nor depends on the order of the data.
 */
export function exactVariance(n: number, sum: ExactAccumulator, sumSquares: ExactAccumulator): number {
  if (n === 0) return Number.NaN;
  const numerator = new ExactAccumulator();
  for (const s of sumSquares.terms()) numerator.addProduct(n, s);
  const s1 = sum.terms();
  for (let i = 0; i < s1.length; i++) for (let j = 0; j < s1.length; j++) numerator.addProduct(-s1[i], s1[j]);
  return Math.max(0, numerator.value() / n / n);
}
