/**
 * Least-squares polynomial fit y ≈ Σ cᵢ x^(d−i) (highest power first, as numpy.polyfit) by
 * Householder QR of the Vandermonde matrix, which avoids squaring its condition number.
 */
export function polyfit(x: readonly number[], y: readonly number[], degree: number): number[] {
  const m = x.length;
  const n = degree + 1;
  const a = x.map((xi) => Array.from({ length: n }, (_, j) => Math.pow(xi, degree - j)));
  const b = y.slice();
  for (let k = 0; k < n; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += a[i][k] * a[i][k];
    norm = Math.sqrt(norm);
    const alpha = a[k][k] > 0 ? -norm : norm;
    const v = new Array<number>(m).fill(0);
    v[k] = a[k][k] - alpha;
    for (let i = k + 1; i < m; i++) v[i] = a[i][k];
    let vv = 0;
    for (let i = k; i < m; i++) vv += v[i] * v[i];
    if (vv === 0) continue;
    for (let j = k; j < n; j++) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i] * a[i][j];
      const f = (2 * dot) / vv;
      for (let i = k; i < m; i++) a[i][j] -= f * v[i];
    }
    let dot = 0;
    for (let i = k; i < m; i++) dot += v[i] * b[i];
    const f = (2 * dot) / vv;
    for (let i = k; i < m; i++) b[i] -= f * v[i];
  }
  const c = new Array<number>(n).fill(0);
  for (let k = n - 1; k >= 0; k--) {
    let s = b[k];
    for (let j = k + 1; j < n; j++) s -= a[k][j] * c[j];
    c[k] = s / a[k][k];
  }
  return c;
}

/** Evaluate a polynomial with coefficients highest power first (Horner). */
export function polyval(c: readonly number[], x: number): number {
  let s = 0;
  for (const ci of c) s = s * x + ci;
  return s;
}
