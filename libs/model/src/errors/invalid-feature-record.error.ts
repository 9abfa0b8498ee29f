import { ModelError } from './model.error';

/** The record itself is not an object of feature values (null, an array, a string …). */
export class InvalidFeatureRecordError extends ModelError {
  constructor(actual: string, row?: number) {
    super(`${row === undefined ? '' : `row ${row}: `}features must be an object of name → value, got ${actual}`, { row });
  }
}
