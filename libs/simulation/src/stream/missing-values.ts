import type { Features } from '@mlops/contracts';
import type { Row } from '../generators/tabular-generator';
import type { RandomSource } from '../random/random-source';
import type { ResolvedMissingValues } from '../scenario/resolve-phases';

/**
 * The features as the model receives them: each listed value is replaced by null with the
 * phase's probability, independently. Null is how the contracts mark a missing value, and drift
 * statistics count it apart from the value distribution.
 */
export function withMissingValues(row: Row, missing: ResolvedMissingValues | undefined, rng: RandomSource): Features {
  const features: Features = { ...row };
  if (!missing || missing.share <= 0) return features;
  for (const name of missing.features) {
    if (rng.chance(missing.share)) features[name] = null;
  }
  return features;
}
