import { DriftStatsError, InvalidParameterError } from '../errors';

// Metric errors join the lib's error tree: all are caller mistakes (`retriable` false).

/** A metrics option is out of range (thrown at construction, never per record). */
export class InvalidMetricOptionError extends InvalidParameterError {
  constructor(option: string, value: unknown, expected: string) {
    super(option, value, expected);
  }
}

/** Two accumulators cannot be merged because they were built with different options. */
export class IncompatibleStatsError extends DriftStatsError {
  constructor(
    readonly option: string,
    readonly left: unknown,
    readonly right: unknown,
  ) {
    super(`cannot merge stats with different ${option}: ${String(left)} vs ${String(right)}`, undefined);
  }
}

/** A serialized accumulator does not have the expected shape. */
export class InvalidStatsJsonError extends DriftStatsError {
  constructor(
    readonly path: string,
    expected: string,
  ) {
    super(`invalid stats JSON at ${path}: expected ${expected}`, undefined);
  }
}
