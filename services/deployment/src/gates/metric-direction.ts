/**
 * Metrics where a smaller value is better. The same list as retraining's use cases: both move to
 * a shared lib together.
 */
const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['log_loss', 'mae', 'rmse', 'mse']);

/** How much `challenger` is better than `champion` on `metric`: positive means better. */
export function improvementOf(metric: string, challenger: number, champion: number): number {
  return LOWER_IS_BETTER.has(metric) ? champion - challenger : challenger - champion;
}
