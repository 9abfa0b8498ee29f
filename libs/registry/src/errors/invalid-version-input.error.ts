import { PermanentError } from '@mlops/kafka';

/** createVersion was given something it cannot store: bad metrics, lineage, or source folder. */
export class InvalidVersionInputError extends PermanentError {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`, { field });
  }
}
