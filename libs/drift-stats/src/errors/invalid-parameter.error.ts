import { DriftStatsError } from './drift-stats.error';

/** A parameter outside its domain (threshold not finite, sketch size too small, ...). */
export class InvalidParameterError extends DriftStatsError {
  constructor(
    readonly parameter: string,
    readonly value: unknown,
    readonly expected: string,
    feature?: string,
  ) {
    super(`invalid ${parameter} ${describe(value)}: expected ${expected}`, feature);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
