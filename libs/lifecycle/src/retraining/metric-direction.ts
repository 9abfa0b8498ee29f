import type { Task } from '@mlops/model';

/** Metrics where a smaller value is better (libs/model and libs/drift-stats names). */
const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['log_loss', 'mae', 'rmse', 'mse']);

export function isLowerBetter(metric: string): boolean {
  return LOWER_IS_BETTER.has(metric);
}

/** How much `challenger` is better than `champion` on `metric`: positive means better. */
export function improvementOf(metric: string, challenger: number, champion: number): number {
  return isLowerBetter(metric) ? champion - challenger : challenger - champion;
}

/** The comparison metric when none is configured. */
export function defaultPrimaryMetric(task: Task): string {
  return task === 'regression' ? 'rmse' : 'accuracy';
}
