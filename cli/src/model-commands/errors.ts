import { BadInputError } from '../drift-report/errors';

/**
 * The data of `mlops train`, `baseline` or `register` cannot be used: an unknown column, a
 * single class, a value of the wrong kind. The message names the file, column or line; the
 * command exits with code 2 and prints it without a stack trace.
 */
export class ModelDataError extends BadInputError {
  constructor(message: string) {
    super(message);
  }
}

/**
 * The registry or the broker did not answer (after its own retries). Not the user's input:
 * running the command again later may work, so it has an exit code of its own.
 */
export class ServiceUnavailableError extends Error {
  readonly retriable = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServiceUnavailableError';
  }
}
