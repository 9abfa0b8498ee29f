import type { WeightedSupport } from '../sketch';
import { harmonic, harmonic2 } from './harmonic';
import { polyfit, polyval } from './least-squares';

/**
 * Two-sample Anderson–Darling test, the midrank version A²_akN of Scholz & Stephens (1987),
 * "K-Sample Anderson–Darling Tests", JASA 82(399), eq. 7, valid with ties; as
 * scipy.stats.anderson_ksamp(variant='midrank').
 *
 * Over the distinct pooled values z₁ < … < z_L with pooled multiplicities lⱼ, sample counts fᵢⱼ,
 * Bⱼ = l₁+…+lⱼ₋₁ + lⱼ/2 and Mᵢⱼ = fᵢ₁+…+fᵢⱼ₋₁ + fᵢⱼ/2:
 *   A² = (N−1)/N² · Σᵢ 1/nᵢ Σⱼ lⱼ (N·Mᵢⱼ − nᵢBⱼ)² / (Bⱼ(N − Bⱼ) − N·lⱼ/4).
 * Standardized T = (A² − (k−1))/σ_N with σ_N² from Scholz & Stephens eq. 4 (k = 2 here).
 * p-value: the quadratic fit of ln(significance) on the critical values of their Table 2
 * interpolated at T, as scipy does; it is only defined in [0.001, 0.25] and capped there.
 *
 * Weighted supports make the same formula serve sketches (weights as multiplicities).
 */
const SIGNIFICANCE = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
// Scholz & Stephens 1987, Table 2 interpolation coefficients: t_m(α) ≈ b0 + b1/√m + b2/m.
const B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];
const M = 1; // k − 1 for two samples
const CRITICAL = B0.map((b0, i) => b0 + B1[i] / Math.sqrt(M) + B2[i] / M);
const FIT = polyfit(CRITICAL, SIGNIFICANCE.map(Math.log), 2);
export const AD_P_MIN = 0.001;
export const AD_P_MAX = 0.25;

export interface AndersonDarlingResult {
  /** Standardized statistic T. */
  readonly statistic: number;
  /** Unstandardized A²_akN. */
  readonly a2: number;
  readonly pValue: number;
}

export function andersonDarling2(a: WeightedSupport, b: WeightedSupport): AndersonDarlingResult {
  const n1 = a.total;
  const n2 = b.total;
  const N = n1 + n2;
  let i = 0;
  let j = 0;
  let below = 0; // pooled weight strictly below the current value
  let belowA = 0;
  let belowB = 0;
  let sumA = 0;
  let sumB = 0;
  const na = a.values.length;
  const nb = b.values.length;
  while (i < na || j < nb) {
    const x = j >= nb || (i < na && a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
    const fa = i < na && a.values[i] === x ? a.weights[i++] : 0;
    const fb = j < nb && b.values[j] === x ? b.weights[j++] : 0;
    const l = fa + fb;
    const B = below + l / 2;
    const denominator = B * (N - B) - (N * l) / 4;
    if (denominator > 0) {
      const ma = belowA + fa / 2;
      const mb = belowB + fb / 2;
      sumA += (l * (N * ma - n1 * B) ** 2) / denominator;
      sumB += (l * (N * mb - n2 * B) ** 2) / denominator;
    }
    below += l;
    belowA += fa;
    belowB += fb;
  }
  const a2 = ((N - 1) / (N * N)) * (sumA / n1 + sumB / n2);
  const statistic = (a2 - M) / Math.sqrt(varianceOfA2(n1, n2));
  return { statistic, a2, pValue: pValueOf(statistic) };
}

/** σ_N² of A²_kN under H₀ for k = 2 (Scholz & Stephens 1987, eq. 4). */
function varianceOfA2(n1: number, n2: number): number {
  const k = 2;
  const N = n1 + n2;
  const H = 1 / n1 + 1 / n2;
  const h = harmonic(N - 1);
  // g = Σ_{i=1}^{N−2} Σ_{j=i+1}^{N−1} 1/((N−i)·j) = H⁽²⁾_N − 2H_{N−1}/N − 1/N²
  const g = harmonic2(N) - (2 * h) / N - 1 / (N * N);
  const a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const d = (2 * h + 6) * k * k - 4 * h * k;
  return (a * N ** 3 + b * N ** 2 + c * N + d) / ((N - 1) * (N - 2) * (N - 3));
}

function pValueOf(t: number): number {
  if (t < CRITICAL[0]) return AD_P_MAX;
  if (t > CRITICAL[CRITICAL.length - 1]) return AD_P_MIN;
  return Math.exp(polyval(FIT, t));
}
