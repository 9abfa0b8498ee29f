/**
 * Plain statistics for the specs ("did this phase move that distribution?"), kept out of the lib
 * on purpose: @mlops/drift-stats is the production home of drift tests, and these specs should
 * not depend on the code they will later be checked against.
 */

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

export function std(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

export function share<T>(values: readonly T[], predicate: (v: T) => boolean): number {
  return values.filter(predicate).length / values.length;
}

/** Two-sample Kolmogorov–Smirnov statistic: the largest gap between the empirical CDFs. */
export function ksStatistic(a: readonly number[], b: readonly number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/**
 * KS critical value at significance 0.001 (c(α) = 1.95): a statistic above it means the two
 * samples almost surely come from different distributions.
 */
export function ksCritical(n: number, m: number): number {
  return 1.95 * Math.sqrt((n + m) / (n * m));
}

/** Half-width of a 4-sigma interval for a proportion p estimated from n draws. */
export function proportionTolerance(p: number, n: number): number {
  return 4 * Math.sqrt((p * (1 - p)) / n);
}
