import { ModelError, ModelErrorContext } from './model.error';

/** The training set cannot train a model: empty, one class, bad labels or a schema conflict. */
export class InvalidTrainingDataError extends ModelError {
  constructor(message: string, context: ModelErrorContext = {}) {
    super(message, context);
  }
}

/** No rows at all, or too few to hold out a validation split. */
export class EmptyTrainingSetError extends InvalidTrainingDataError {
  constructor(rows = 0, needed = 1) {
    super(rows === 0 ? 'the training set is empty' : `the training set has ${rows} rows; at least ${needed} are needed`, { rows, needed });
  }
}

/** Classification needs at least two classes among the labels. */
export class SingleClassError extends InvalidTrainingDataError {
  constructor(readonly label: string) {
    super(`every training label is ${label}: classification needs at least two classes`, { label });
  }
}

/** A label that is null, NaN, ±Infinity, of the wrong type for the task, or of mixed types. */
export class InvalidLabelError extends InvalidTrainingDataError {
  constructor(
    problem: string,
    readonly row?: number,
  ) {
    super(`${row === undefined ? '' : `row ${row}: `}label ${problem}`, { row });
  }
}
