import type { FeatureValue } from '@mlops/contracts';

/**
 * How a feature enters the model. The names match @mlops/drift-stats' feature types, so the
 * model's schema is also the schema of its baseline profile.
 *
 * - numerical: finite numbers, standardized.
 * - categorical: strings (or numeric codes, keyed by `String(value)`), one-hot encoded.
 * - boolean: true/false, encoded as 1/0 and standardized.
 *
 * `null` is a missing value for every type.
 */
export const FEATURE_TYPES = ['numerical', 'categorical', 'boolean'] as const;
export type FeatureType = (typeof FEATURE_TYPES)[number];

export interface FeatureDefinition {
  readonly name: string;
  readonly type: FeatureType;
}

/** One row of model input: feature name → value, as in a PredictionEvent's `features`. */
export type FeatureRecord = Readonly<Record<string, FeatureValue>>;
export type { FeatureValue };
