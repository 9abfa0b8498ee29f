/** A short, stable rendering of a statistic: 4 significant digits, exponent form for tiny or huge values. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

/** A share as a percentage with one decimal, e.g. 0.375 → "37.5%". */
export function formatShare(x: number): string {
  return `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/** A count with thousands separators, e.g. 1000000 → "1,000,000". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
