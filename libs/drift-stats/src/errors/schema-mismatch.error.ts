import { DriftStatsError } from './drift-stats.error';

/**
 * Two profiles that cannot be merged or compared: a feature missing on one side, different
 * feature types, different bin edges or sketch parameters.
 */
export class SchemaMismatchError extends DriftStatsError {
  constructor(
    feature: string | undefined,
    readonly reason: string,
  ) {
    super(`schemas differ: ${reason}`, feature);
  }
}
