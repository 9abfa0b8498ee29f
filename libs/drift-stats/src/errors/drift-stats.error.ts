/**
 * Root of the drift-stats error tree. Every error is a caller mistake (wrong type, mismatched
 * schemas, bad parameter, malformed JSON): retrying the same call fails the same way, so
 * `retriable` is always false and a consumer should dead-letter rather than retry.
 */
export abstract class DriftStatsError extends Error {
  readonly retriable = false;

  protected constructor(
    message: string,
    /** The feature involved, when there is one. */
    readonly feature: string | undefined,
  ) {
    super(feature === undefined ? message : `feature ${JSON.stringify(feature)}: ${message}`);
    this.name = new.target.name;
  }
}
