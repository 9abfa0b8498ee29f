/** Timing helpers of the benchmark: repeat a call until a time budget is spent, keep each duration. */
export interface Timing {
  readonly calls: number;
  readonly totalMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

/**
 * Warm-up runs for a third of the budget first: the first few hundred small calls are JIT
 * compilation, not steady state.
 */
export async function timeRepeated(fn: () => Promise<unknown>, budgetMs: number, minCalls: number): Promise<Timing> {
  const warmupEnd = performance.now() + budgetMs / 3;
  for (let i = 0; i < 3 || performance.now() < warmupEnd; i++) await fn();
  const durations: number[] = [];
  const start = performance.now();
  while (durations.length < minCalls || performance.now() - start < budgetMs) {
    const t = performance.now();
    await fn();
    durations.push(performance.now() - t);
  }
  const totalMs = durations.reduce((a, b) => a + b, 0);
  const sorted = [...durations].sort((a, b) => a - b);
  return { calls: durations.length, totalMs, medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95) };
}

function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}
