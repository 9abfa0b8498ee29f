/**
 * Harmonic numbers Hₙ = Σ 1/i and Hₙ⁽²⁾ = Σ 1/i²: summed directly for n ≤ 1000, by their
 * Euler–Maclaurin expansions beyond (error below 1e-18 there).
 */
const EULER_GAMMA = 0.5772156649015329;
const DIRECT_MAX = 1000;

export function harmonic(n: number): number {
  if (n <= DIRECT_MAX) {
    let s = 0;
    for (let i = n; i >= 1; i--) s += 1 / i;
    return s;
  }
  const inv = 1 / n;
  const inv2 = inv * inv;
  return Math.log(n) + EULER_GAMMA + inv / 2 - inv2 / 12 + (inv2 * inv2) / 120 - (inv2 * inv2 * inv2) / 252;
}

export function harmonic2(n: number): number {
  if (n <= DIRECT_MAX) {
    let s = 0;
    for (let i = n; i >= 1; i--) s += 1 / (i * i);
    return s;
  }
  const inv = 1 / n;
  const inv2 = inv * inv;
  return (Math.PI * Math.PI) / 6 - inv + inv2 / 2 - (inv2 * inv) / 6 + (inv2 * inv2 * inv) / 30;
}
