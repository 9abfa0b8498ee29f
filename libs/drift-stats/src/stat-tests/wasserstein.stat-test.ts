import { wasserstein1 } from '../math';
import { decide, insufficientData } from './decision';
import { numericalInputs } from './numerical-inputs';
import type { StatTestFunction, StatTestMeta } from './stat-test.types';

/**
 * Wasserstein-1 (earth mover's) distance W₁ = ∫|F_ref − F_cur| dx, in the feature's units, as
 * scipy.stats.wasserstein_distance. No default threshold: the scale is the feature's; prefer
 * `wasserstein-normed`, or calibrate a threshold on the reference. From profiles, computed on
 * the sketches (approximate).
 */
export const wassersteinMeta: StatTestMeta = {
  method: 'wasserstein',
  name: 'Wasserstein-1 distance',
  featureTypes: ['numerical'],
  kind: 'distance',
  defaultThreshold: null,
  higherIsDrift: true,
  scoreRange: [0, Infinity],
  symmetric: true,
  swap: 'same distance',
  reads: 'distribution',
  references: 'Vaserstein 1969; Ramdas, García Trillos & Cuturi 2017; scipy.stats.wasserstein_distance',
};

export const wassersteinStatTest: StatTestFunction = (reference, current, threshold, options = {}) => {
  const inputs = numericalInputs(wassersteinMeta, reference, current, options);
  if (inputs === null) return insufficientData(wassersteinMeta, threshold, options);
  const [ref, cur] = inputs;
  const score = wasserstein1(ref.distribution, cur.distribution);
  return decide(wassersteinMeta, { score, approximate: !(ref.exact && cur.exact) }, threshold, options);
};
