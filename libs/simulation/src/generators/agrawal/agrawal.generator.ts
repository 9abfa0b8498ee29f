import type { TabularGenerator } from '../tabular-generator';
import { AGRAWAL_FEATURES, sampleAgrawalAttributes } from './agrawal-attributes';
import { AGRAWAL_FUNCTION_IDS, AGRAWAL_FUNCTIONS } from './agrawal-functions';
import { perturbAgrawalRow } from './agrawal-perturbation';

export interface AgrawalOptions {
  /** Fraction in [0, 1] of each numeric attribute's range by which values are jittered; 0 turns it off. */
  perturbation?: number;
}

/**
 * The Agrawal loan-approval generator: nine attributes, ten concepts (F1–F10). Switching the
 * function is the classic concept drift of the literature: P(x) stays, P(y | x) changes.
 */
export function createAgrawalGenerator(options: AgrawalOptions = {}): TabularGenerator {
  const perturbation = options.perturbation ?? 0;
  if (!(perturbation >= 0 && perturbation <= 1)) {
    throw new RangeError(`agrawal perturbation must be in [0, 1], got ${perturbation}`);
  }
  return {
    kind: 'agrawal',
    features: AGRAWAL_FEATURES,
    concepts: AGRAWAL_FUNCTION_IDS,
    sample: sampleAgrawalAttributes,
    label(concept, row) {
      const fn = AGRAWAL_FUNCTIONS[concept];
      if (!fn) throw new RangeError(`agrawal has functions ${AGRAWAL_FUNCTION_IDS.join(', ')}; got ${concept}`);
      return fn(row);
    },
    noisyLabel: (label) => label,
    perturb: (row, rng) => perturbAgrawalRow(row, perturbation, rng),
  };
}
