/**
 * A cell that does not fit its column's type, by data row. Internal: the reading loop turns it
 * into a MixedTypesError once it has looked up the line in the file.
 */
export class CellConversionError extends Error {
  constructor(
    readonly column: string,
    readonly row: number,
    readonly value: string,
    readonly expected: string,
  ) {
    super(`column ${column}, row ${row}: ${JSON.stringify(value)} is not ${expected}`);
    this.name = 'CellConversionError';
  }
}
