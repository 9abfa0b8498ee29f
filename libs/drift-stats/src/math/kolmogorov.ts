import { logGamma } from './gamma';

/**
 * The distribution of the one-sample Kolmogorov–Smirnov statistics for a sample of size n,
 * D⁺ₙ = sup(Fₙ − F) and Dₙ = sup|Fₙ − F|. `kolmogorovSf(n, x)` = P(Dₙ ≥ x) follows the
 * algorithm choice of Simard & L'Ecuyer (2011), "Computing the two-sided Kolmogorov–Smirnov
 * distribution", J. Stat. Software 39(11) — the same regions as scipy.stats.kstwo.sf, which
 * scipy.stats.ks_2samp uses for its asymptotic two-sample p-value:
 *
 * - nx ≤ 1 and nx ≥ n − 1: closed forms of Ruben & Gambino (1982);
 * - x ≥ ½: 2·P(D⁺ₙ ≥ x), exact there because the two one-sided events are disjoint;
 * - n ≤ 140: Durbin's matrix for nx² ≤ 4, else 2·P(D⁺ₙ ≥ x) (Miller's approximation);
 * - n > 140: 0 when nx² ≥ 370, 2·P(D⁺ₙ ≥ x) when nx² ≥ 2.2, otherwise 1 − CDF with Durbin's
 *   matrix (n ≤ 10⁵ and n·x^1.5 ≤ 1.4) or the Pelz–Good asymptotic series.
 *
 * P(D⁺ₙ ≥ x) is 1 − x(1 + x)^(n−1) for nx ≤ 1, the exact Birnbaum–Tingey sum for n ≤ 10⁶ and
 * exp(−(6nx + 1)²/(18n)) beyond (the correction of Maag & Dicaire 1971), matching
 * scipy.special.smirnov.
 */

const SMIRNOV_EXACT_MAX_N = 1_000_000;

/** ln(n!/nⁿ). */
function logFactorialOverPower(n: number): number {
  return logGamma(n + 1) - n * Math.log(n);
}

/**
 * P(D⁺ₙ ≥ x), Birnbaum & Tingey (1951):
 *   x · Σ_{j=0}^{⌊n(1−x)⌋} C(n, j) (1 − x − j/n)^(n−j) (x + j/n)^(j−1).
 * All terms are positive, so the sum (in log space per term) is stable. O(n).
 */
export function smirnovSf(n: number, x: number): number {
  if (!(n >= 1)) return Number.NaN;
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  // For x ≤ 1/n only the first crossing matters: P(D⁺ₙ < x) = x(1 + x)^(n−1), exactly.
  if (n * x <= 1) return 1 - x * Math.exp((n - 1) * Math.log1p(x));
  if (n > SMIRNOV_EXACT_MAX_N) {
    const a = 6 * n * x + 1;
    return Math.exp(-(a * a) / (18 * n));
  }
  const last = Math.floor(n * (1 - x));
  const logX = Math.log(x);
  // ln C(n, j) by a compensated running sum of ln((n − j)/(j + 1)): plain accumulation over
  // 10⁶ steps drifts by ~1e-9.
  let logBinom = 0;
  let compensation = 0;
  let sum = 0;
  for (let j = 0; j <= last; j++) {
    const lower = 1 - x - j / n;
    if (lower > 0) {
      const logTerm = logBinom + (n - j) * Math.log(lower) + (j - 1) * Math.log(x + j / n) + logX;
      sum += Math.exp(logTerm);
    } else if (j === n) {
      sum += Math.exp(logBinom + (j - 1) * Math.log(x + j / n) + logX);
    }
    const step = Math.log((n - j) / (j + 1)) - compensation;
    const next = logBinom + step;
    compensation = next - logBinom - step;
    logBinom = next;
  }
  return Math.min(1, Math.max(0, sum));
}

/**
 * P(Dₙ < d) by Durbin's matrix method as organized by Marsaglia, Tsang & Wang (2003),
 * "Evaluating Kolmogorov's distribution", J. Stat. Software 8(18): with k = ⌈nd⌉, h = k − nd and
 * m = 2k − 1, P = n!/nⁿ · (Hⁿ)ₖₖ for the m×m matrix
 *   H_ij = 1/(i − j + 1)!  (i − j + 1 ≥ 0, zero above the first superdiagonal),
 * first column (1 − h^i)/i!, last row (1 − h^(m−j+1))/(m − j + 1)!, and corner
 * (1 − 2hᵐ + max(0, 2h − 1)ᵐ)/m!. Powers are taken by squaring with binary rescaling.
 * O(m³ log n); used only where m stays small.
 */
export function durbinCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const base = new Float64Array(m * m);
  const invFactorial = new Float64Array(m + 1);
  invFactorial[0] = 1;
  for (let i = 1; i <= m; i++) invFactorial[i] = invFactorial[i - 1] / i;
  for (let i = 0; i < m; i++) {
    for (let j = 1; j < m; j++) {
      const r = i - j + 1;
      if (r >= 0) base[i * m + j] = invFactorial[r];
    }
  }
  for (let i = 0; i < m; i++) {
    const fromTop = (1 - Math.pow(h, i + 1)) * invFactorial[i + 1];
    base[i * m] = fromTop;
    base[(m - 1) * m + (m - 1 - i)] = fromTop;
  }
  base[(m - 1) * m] = (1 - 2 * Math.pow(h, m) + Math.pow(Math.max(0, 2 * h - 1), m)) * invFactorial[m];

  const power = matrixPower(base, m, n, k - 1);
  const logP = Math.log(power.value) + power.log2Scale * Math.LN2 + logFactorialOverPower(n);
  return Math.min(1, Math.max(0, Math.exp(logP)));
}

const RESCALE_LOG2 = 256;
const RESCALE_LIMIT = Math.pow(2, RESCALE_LOG2);
const RESCALE_FACTOR = Math.pow(2, -RESCALE_LOG2);

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const ail = a[i * m + l];
      if (ail === 0) continue;
      const rowB = l * m;
      const rowOut = i * m;
      for (let j = 0; j < m; j++) out[rowOut + j] += ail * b[rowB + j];
    }
  }
  return out;
}

function rescale(a: Float64Array, pivot: number): number {
  if (Math.abs(a[pivot]) <= RESCALE_LIMIT) return 0;
  for (let i = 0; i < a.length; i++) a[i] *= RESCALE_FACTOR;
  return RESCALE_LOG2;
}

/** Entry (c, c) of baseⁿ as value · 2^log2Scale. */
function matrixPower(base: Float64Array, m: number, n: number, c: number): { value: number; log2Scale: number } {
  const pivot = c * m + c;
  let result: Float64Array | null = null;
  let resultScale = 0;
  let square = base;
  let squareScale = 0;
  let e = n;
  while (e > 0) {
    if (e % 2 === 1) {
      result = result === null ? square.slice() : multiply(result, square, m);
      resultScale += squareScale;
      resultScale += rescale(result, pivot);
    }
    e = Math.floor(e / 2);
    if (e > 0) {
      square = multiply(square, square, m);
      squareScale *= 2;
      squareScale += rescale(square, pivot);
    }
  }
  return { value: result === null ? 1 : result[pivot], log2Scale: resultScale };
}

/**
 * Pelz & Good (1976) asymptotic series for P(Dₙ ≤ x) with z = x√n:
 *   K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^(3/2),
 * each Kᵢ written with the Jacobi theta transformation so that it converges quickly for the
 * moderate z where it is used (Simard & L'Ecuyer 2011, eq. 8–11).
 */
export function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const pi2 = Math.PI * Math.PI;
  const pi4 = pi2 * pi2;
  const pi6 = pi4 * pi2;
  const logQ = -pi2 / (8 * z2);
  if (logQ < -745) return 0;
  const terms = Math.ceil((16 * z) / Math.PI);

  // Sums over odd integers m = 2k − 1 of c(m)·exp(−m²π²/(8z²)).
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let k = 1; k <= terms; k++) {
    const m2 = (2 * k - 1) * (2 * k - 1);
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const w = Math.exp(logQ * m2);
    s0 += w;
    s1 += w * ((pi2 / 4) * m2 - z2);
    s2 += w * (6 * z6 + 2 * z4 + ((2 * z4 - 5 * z2) * pi2 * m2) / 4 + (pi4 * (1 - 2 * z2) * m4) / 16);
    s3 +=
      w *
      ((pi6 * (5 - 30 * z2) * m6) / 64 +
        (pi4 * (212 * z4 - 60 * z2) * m4) / 16 +
        (pi2 * (135 * z4 - 96 * z6) * m2) / 4 -
        30 * z6 -
        90 * z4 * z4);
  }
  // Sums over all integers k of c(k)·exp(−k²π²/(2z²)).
  let t2 = 0;
  let t3 = 0;
  for (let k = 1; k <= terms; k++) {
    const k2 = k * k;
    const w = Math.exp((-pi2 * k2) / (2 * z2));
    t2 += k2 * w;
    t3 += (3 * z2 - pi2 * k2) * k2 * w;
  }
  const root2pi = Math.sqrt(2 * Math.PI);
  const k0 = (root2pi / z) * s0;
  const k1 = (root2pi / (6 * z4)) * s1;
  const k2 = (root2pi / (72 * z6 * z)) * s2 - ((pi2 * root2pi) / (36 * z2 * z)) * t2;
  const k3 = (root2pi / (6480 * z6 * z4)) * s3 + ((pi2 * root2pi) / (216 * z6)) * t3;
  const sqrtN = Math.sqrt(n);
  return k0 + k1 / sqrtN + k2 / n + k3 / (n * sqrtN);
}

const clip = (p: number): number => Math.min(1, Math.max(0, p));

/** P(Dₙ ≥ x): the survival function of the two-sided one-sample KS statistic (see top). */
export function kolmogorovSf(n: number, x: number): number {
  if (!(n >= 1) || !Number.isInteger(n) || Number.isNaN(x)) return Number.NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    const cdf =
      n <= 140 ? factorialRatioPower(n, 2 * t - 1) : Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return clip(1 - cdf);
  }
  if (t >= n - 1) return clip(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    if (nx2 <= 4) return clip(1 - durbinCdf(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * smirnovSf(n, x));
  const cdf = n <= 100000 && n * Math.pow(x, 1.5) <= 1.4 ? durbinCdf(n, x) : pelzGoodCdf(n, x);
  return clip(1 - cdf);
}

/** n!/nⁿ · yⁿ as a running product (small n). */
function factorialRatioPower(n: number, y: number): number {
  let p = 1;
  for (let i = 1; i <= n; i++) p *= (i / n) * y;
  return p;
}
