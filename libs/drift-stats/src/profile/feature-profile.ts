import { CategoricalFeatureProfile } from './categorical-feature-profile';
import { NumericalFeatureProfile } from './numerical-feature-profile';

/** The per-column accumulator of a dataset profile. */
export type FeatureProfile = NumericalFeatureProfile | CategoricalFeatureProfile;

export function isFeatureProfile(x: unknown): x is FeatureProfile {
  return x instanceof NumericalFeatureProfile || x instanceof CategoricalFeatureProfile;
}

/** Fold `source` into `target` (same feature, same spec — checked by the caller). */
export function mergeFeatureInto(target: FeatureProfile, source: FeatureProfile): void {
  if (target instanceof NumericalFeatureProfile && source instanceof NumericalFeatureProfile) {
    target.mergeFrom(source);
  } else if (target instanceof CategoricalFeatureProfile && source instanceof CategoricalFeatureProfile) {
    target.mergeFrom(source);
  }
}
