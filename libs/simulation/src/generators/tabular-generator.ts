import type { RandomSource } from '../random/random-source';

/** A generated row before it becomes an event: attribute name → value. */
export type Row = Record<string, number>;

/** The class of a row. Both generators are binary; 1 is the concept's positive group. */
export type ClassLabel = 0 | 1;

/**
 * How an attribute is meant to be read. Values are numbers either way (as in River and MOA);
 * `categorical` tells a model or a drift test to treat them as codes, `integer` that a
 * transformed value is rounded back to a whole number.
 */
export type FeatureKind = 'numeric' | 'integer' | 'categorical';

export interface FeatureSpec {
  name: string;
  kind: FeatureKind;
  /** The published range, both ends inclusive. */
  min: number;
  max: number;
  description: string;
}

/**
 * A source of labeled tabular rows whose concept can be switched: attributes are drawn from a
 * fixed distribution and labeled by one of several known functions. Keeping `sample` and
 * `label` apart is what lets a scenario move P(x) and P(y | x) independently.
 */
export interface TabularGenerator {
  readonly kind: 'agrawal' | 'sea';
  readonly features: readonly FeatureSpec[];
  /** The concept ids `label` accepts (Agrawal functions 1–10, SEA variants 1–4). */
  readonly concepts: readonly number[];
  /** Draws one row of clean attributes. */
  sample(rng: RandomSource): Row;
  /** The noise-free class of a row under a concept. */
  label(concept: number, row: Row): ClassLabel;
  /** Label noise after labeling (SEA's noise); the identity where the generator has none. */
  noisyLabel(label: ClassLabel, rng: RandomSource): ClassLabel;
  /** Attribute noise after labeling (Agrawal's perturbation); the identity where there is none. */
  perturb(row: Row, rng: RandomSource): Row;
}
