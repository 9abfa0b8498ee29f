import { InvalidParameterError } from '../errors';

/**
 * A detector was constructed with an out-of-range parameter. Part of the lib's
 * error tree (an `InvalidParameterError`, not retriable); the message starts
 * with the detector's name.
 */
export class InvalidDetectorParameterError extends InvalidParameterError {
  constructor(
    readonly detector: string,
    parameter: string,
    value: unknown,
    expected: string,
  ) {
    super(parameter, value, expected);
    this.message = `${detector}: ${this.message}`;
  }
}
