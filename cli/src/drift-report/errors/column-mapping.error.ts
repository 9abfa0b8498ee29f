import { BadInputError } from './bad-input.error';

/** The --column-mapping file cannot be read, parsed or does not fit the data. */
export class ColumnMappingError extends BadInputError {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`--column-mapping ${file}: ${problem}`);
  }
}
