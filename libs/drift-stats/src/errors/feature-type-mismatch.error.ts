import { DriftStatsError } from './drift-stats.error';

/** A feature used with a type it does not have (e.g. a categorical profile given to KS). */
export class FeatureTypeMismatchError extends DriftStatsError {
  constructor(
    feature: string | undefined,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`expected ${expected}, got ${actual}`, feature);
  }
}
