import { BadInputError } from './bad-input.error';

/** A column holds values of two kinds, e.g. numbers and text: the comparison would be meaningless. */
export class MixedTypesError extends BadInputError {
  constructor(
    readonly column: string,
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(
      `${file} line ${line}, column ${JSON.stringify(column)}: ${detail}. ` +
        'Fix the value, add it to --na-values if it means "missing", or declare the column categorical in --column-mapping.',
    );
  }
}
