/** How a column is compared: numbers on the real line, categories, or a two-valued flag. */
export type FeatureType = 'numerical' | 'categorical' | 'boolean';

/** What a column is: a model input, the model's output, or the ground truth. */
export type FeatureRole = 'feature' | 'prediction' | 'label';

/** One column of a dataset schema. `role` defaults to `'feature'`. */
export interface FeatureSchema {
  readonly name: string;
  readonly type: FeatureType;
  readonly role?: FeatureRole;
}

export const FEATURE_TYPES: readonly FeatureType[] = ['numerical', 'categorical', 'boolean'];
export const FEATURE_ROLES: readonly FeatureRole[] = ['feature', 'prediction', 'label'];

/** A row: column name → raw value (numbers, strings, booleans, null; anything else is invalid). */
export type Row = Readonly<Record<string, unknown>>;

/** Columns: column name → values (arrays or typed arrays). */
export type Columns = Readonly<Record<string, ArrayLike<unknown>>>;
