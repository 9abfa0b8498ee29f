import { regularizedGammaP, regularizedGammaQ } from './gamma';

/**
 * Complementary error function, erfc(x) = Q(½, x²) for x ≥ 0 and 2 − erfc(−x) below zero.
 * Relative accuracy near machine precision in the upper tail.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x >= 0) return regularizedGammaQ(0.5, x * x);
  return 1 + regularizedGammaP(0.5, x * x);
}

/** Standard normal survival function 1 − Φ(z) = ½ erfc(z/√2). */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Chi-square survival function with `df` degrees of freedom: Q(df/2, x/2). */
export function chiSquareSf(x: number, df: number): number {
  if (!(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}
