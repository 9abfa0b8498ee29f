/**
 * A Kafka header set that does not satisfy a contract (CloudEvents attributes, dead-letter
 * metadata). Never retriable: the same bytes fail the same way, so the message is dead-lettered.
 */
export class HeaderValidationError extends Error {
  readonly retriable = false;

  constructor(
    /** The offending header, e.g. `ce_type`. */
    readonly header: string,
    readonly problem: 'missing' | 'invalid' | 'duplicate',
    detail: string,
  ) {
    super(`header ${header} ${problem}: ${detail}`);
    this.name = 'HeaderValidationError';
  }
}
