import { BadInputError } from './bad-input.error';

/** The two files do not have the columns the comparison needs. */
export class ColumnMismatchError extends BadInputError {
  constructor(message: string) {
    super(message);
  }
}
