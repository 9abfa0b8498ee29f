import { DriftStatsError } from './drift-stats.error';

/** A stat test asked to run on a feature type it does not support (e.g. KS on a category). */
export class UnsupportedFeatureTypeError extends DriftStatsError {
  constructor(
    readonly method: string,
    readonly featureType: string,
    readonly supported: readonly string[],
    feature?: string,
  ) {
    super(`stat test ${method} does not support ${featureType} features (supports ${supported.join(', ')})`, feature);
  }
}
