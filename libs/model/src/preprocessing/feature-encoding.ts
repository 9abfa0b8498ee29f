/**
 * What preprocessing learned about one feature, as saved in `preprocessing.json`. Every
 * feature owns a fixed block of input columns:
 *
 * - numerical / boolean: `[z, missing]`, z = (x − mean) / std; a missing value gives z = 0 (the
 *   training mean) and missing = 1.
 * - categorical: `[one column per category …, unknown, missing]`. Categories rarer than the
 *   training option `minCategoryCount`, beyond `maxCategories`, or unseen in training go to
 *   `unknown`, so the network learns what to do with them whenever training had any.
 *
 * Columns that were always 0 in training (no missing values, no rare categories) start with
 * zero weights and, receiving no gradient, keep them: an unseen category or a missing value
 * then adds nothing to the prediction instead of random noise. See build-network.ts.
 */
export interface NumericEncoding {
  readonly name: string;
  readonly type: 'numerical' | 'boolean';
  readonly mean: number;
  /** Never 0: a constant feature keeps std 1, so its z is always 0. */
  readonly std: number;
}

export interface CategoricalEncoding {
  readonly name: string;
  readonly type: 'categorical';
  /** The vocabulary, sorted; position i is column i of the block. */
  readonly categories: readonly string[];
}

export type FeatureEncoding = NumericEncoding | CategoricalEncoding;

export function encodingWidth(e: FeatureEncoding): number {
  return e.type === 'categorical' ? e.categories.length + 2 : 2;
}

export function encodingColumnNames(e: FeatureEncoding): string[] {
  if (e.type !== 'categorical') return [e.name, `${e.name}#missing`];
  return [...e.categories.map((c) => `${e.name}=${c}`), `${e.name}#unknown`, `${e.name}#missing`];
}
