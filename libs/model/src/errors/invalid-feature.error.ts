import { ModelError } from './model.error';

export type InvalidFeatureReason = 'missing' | 'unexpected' | 'wrong-type' | 'non-finite' | 'unknown-category';

/**
 * A feature record does not fit the model's feature schema. `feature` names the culprit and
 * `row` is its index when the record was one of a batch. Catch this class for any feature
 * problem, or one of its subclasses for one reason.
 */
export abstract class InvalidFeatureError extends ModelError {
  abstract readonly reason: InvalidFeatureReason;

  constructor(
    readonly feature: string,
    problem: string,
    readonly row?: number,
  ) {
    super(`${row === undefined ? '' : `row ${row}: `}feature "${feature}" ${problem}`, { feature, row });
  }
}

/** The schema has the feature but the record has no such key (send `null` for a missing value). */
export class MissingFeatureError extends InvalidFeatureError {
  readonly reason = 'missing';
  constructor(feature: string, row?: number) {
    super(feature, 'is absent (send null for a missing value)', row);
  }
}

/** The record has a key the model was not trained on. */
export class UnexpectedFeatureError extends InvalidFeatureError {
  readonly reason = 'unexpected';
  constructor(feature: string, row?: number) {
    super(feature, 'is not in the model’s feature schema', row);
  }
}

/** The value's type does not fit the feature's type (a string for a numerical feature, …). */
export class FeatureTypeError extends InvalidFeatureError {
  readonly reason = 'wrong-type';
  constructor(feature: string, expected: string, actual: string, row?: number) {
    super(feature, `must be ${expected}, got ${actual}`, row);
  }
}

/** NaN or ±Infinity: a missing value is `null`, never NaN. */
export class NonFiniteFeatureError extends InvalidFeatureError {
  readonly reason = 'non-finite';
  constructor(feature: string, value: number, row?: number) {
    super(feature, `must be a finite number or null, got ${String(value)}`, row);
  }
}

/** A category outside the model's vocabulary, when the caller asked for strict categories. */
export class UnknownCategoryError extends InvalidFeatureError {
  readonly reason = 'unknown-category';
  constructor(
    feature: string,
    readonly category: string,
    row?: number,
  ) {
    super(feature, `has category "${category}", which is not in the model’s vocabulary`, row);
  }
}
