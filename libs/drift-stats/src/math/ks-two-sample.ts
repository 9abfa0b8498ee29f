import { kolmogorovSf } from './kolmogorov';

/**
 * p-values of the two-sided two-sample Kolmogorov–Smirnov test with the semantics of
 * scipy.stats.ks_2samp(method='auto'): exact when max(n₁, n₂) ≤ 10 000, otherwise asymptotic.
 *
 * Exact: with g = gcd(n₁, n₂) and L = n₁n₂/g, the statistic is D = h/L for an integer h, and
 * p = P(D ≥ h/L) = 1 − (paths from (0,0) to (n₁,n₂) that stay strictly inside
 * |i/n₁ − j/n₂| < h/L) / C(n₁+n₂, n₁) (Hodges 1958). Equal sizes use the reflection formula
 * p = 2 Σ_{k≥1} (−1)^(k−1) C(2n, n−kh)/C(2n, n); unequal sizes a lattice recursion on the
 * normalized counts u(i,j) = paths(i,j)/C(i+j, i), which obey
 *   u(i,j) = (i·u(i−1,j) + j·u(i,j−1)) / (i + j),
 * stay in [0, 1] (no overflow, unlike raw path counts) and are only computed inside the band.
 *
 * Asymptotic: p = kolmogorovSf(round(n₁n₂/(n₁+n₂)), D), the one-sample distribution at the
 * effective size, rounded half to even as numpy does.
 */
export const KS_EXACT_MAX_N = 10000;

export type KsMode = 'exact' | 'asymptotic';

export function ksMode(n1: number, n2: number): KsMode {
  return Math.max(n1, n2) <= KS_EXACT_MAX_N ? 'exact' : 'asymptotic';
}

export function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Round half to even (numpy.round). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The statistic scipy reports in exact mode: D rounded to the lattice, h/L. */
export function ksLatticeStatistic(n1: number, n2: number, d: number): { h: number; statistic: number } {
  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  const h = Math.round(d * lcm);
  return { h, statistic: h / lcm };
}

/** Exact two-sided p-value P(D ≥ h/L). */
export function ksExactPValue(n1: number, n2: number, h: number): number {
  if (h <= 0) return 1;
  const p = n1 === n2 ? equalSizesOutside(n1, h) : latticeOutside(n1, n2, h);
  return Math.min(1, Math.max(0, p));
}

function equalSizesOutside(n: number, h: number): number {
  // ratio_k = C(2n, n − kh)/C(2n, n) = Π_{j<kh} (n − j)/(n + j + 1)
  let ratio = 1;
  let sum = 0;
  let sign = 1;
  for (let k = 1; k * h <= n; k++) {
    for (let j = (k - 1) * h; j < k * h; j++) ratio *= (n - j) / (n + j + 1);
    if (ratio === 0) break;
    sum += sign * ratio;
    sign = -sign;
  }
  return 2 * sum;
}

function latticeOutside(n1: number, n2: number, h: number): number {
  const g = gcd(n1, n2);
  const a = n2 / g; // weight of i
  const b = n1 / g; // weight of j
  // inside(i, j) ⟺ |i·a − j·b| < h
  const u = new Float64Array(n2 + 1);
  let previousLow = 0;
  for (let i = 0; i <= n1; i++) {
    const low = Math.max(0, Math.floor((i * a - h) / b) + 1);
    const high = Math.min(n2, Math.ceil((i * a + h) / b) - 1);
    for (let j = previousLow; j < low && j <= n2; j++) u[j] = 0;
    previousLow = low;
    if (i === 0) {
      for (let j = 0; j <= high; j++) u[j] = 1;
      continue;
    }
    for (let j = low; j <= high; j++) {
      const left = j > 0 ? u[j - 1] : 0;
      u[j] = (i * u[j] + j * left) / (i + j);
    }
  }
  return 1 - u[n2];
}

/** Asymptotic two-sided p-value for statistic d (scipy's 'asymp' branch). */
export function ksAsymptoticPValue(n1: number, n2: number, d: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const en = (m * n) / (m + n);
  return kolmogorovSf(Math.max(1, roundHalfEven(en)), d);
}
