import { DriftStatsError } from './drift-stats.error';

/** A stat-test method name that is not in the registry. */
export class UnknownStatTestError extends DriftStatsError {
  constructor(
    readonly method: string,
    readonly known: readonly string[],
    feature?: string,
  ) {
    super(`unknown stat test ${JSON.stringify(method)} (known: ${known.join(', ')})`, feature);
  }
}
