import { BadInputError } from './bad-input.error';

/** A flag is missing, malformed or contradicts another one. */
export class UsageError extends BadInputError {
  constructor(message: string) {
    super(message);
  }
}
