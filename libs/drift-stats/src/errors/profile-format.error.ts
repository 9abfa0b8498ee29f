import { DriftStatsError } from './drift-stats.error';

/** JSON that is not a serialized profile of this library (wrong format, version or shape). */
export class ProfileFormatError extends DriftStatsError {
  constructor(
    readonly path: string,
    readonly problem: string,
    feature?: string,
  ) {
    super(`invalid profile JSON at ${path}: ${problem}`, feature);
  }
}
