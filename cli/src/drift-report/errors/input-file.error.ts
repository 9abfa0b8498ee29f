import { BadInputError } from './bad-input.error';

/** A data file is missing, unreadable, empty, not UTF-8 or not well-formed CSV / JSON Lines. */
export class InputFileError extends BadInputError {
  constructor(
    readonly file: string,
    problem: string,
    readonly line?: number,
  ) {
    super(line === undefined ? `${file}: ${problem}` : `${file} line ${line}: ${problem}`);
  }
}
