import { wasserstein1 } from '../math';
import { decide, insufficientData } from './decision';
import { numericalInputs } from './numerical-inputs';
import type { StatTestFunction, StatTestMeta } from './stat-test.types';

/** Floor of the normalizing standard deviation (a constant reference would divide by 0). */
export const WASSERSTEIN_STD_FLOOR = 0.001;

/**
 * Normed Wasserstein distance W₁(ref, cur) / max(σ_ref, 0.001), σ_ref the reference's population
 * standard deviation: "how many reference standard deviations the distribution moved"; 0.1 is
 * the default threshold (as in Evidently). Not symmetric: swapping divides by the current's σ.
 */
export const wassersteinNormedMeta: StatTestMeta = {
  method: 'wasserstein-normed',
  name: 'Wasserstein-1 distance normed by the reference standard deviation',
  featureTypes: ['numerical'],
  kind: 'distance',
  defaultThreshold: 0.1,
  higherIsDrift: true,
  scoreRange: [0, Infinity],
  symmetric: false,
  swap: 'W₁ is symmetric but the divisor becomes the current σ: score·σ_ref = swapped·σ_cur',
  reads: 'distribution',
  references: 'Vaserstein 1969; Evidently "wasserstein" stat test',
};

export const wassersteinNormedStatTest: StatTestFunction = (reference, current, threshold, options = {}) => {
  const inputs = numericalInputs(wassersteinNormedMeta, reference, current, options);
  if (inputs === null) return insufficientData(wassersteinNormedMeta, threshold, options);
  const [ref, cur] = inputs;
  const norm = Math.max(Math.sqrt(ref.variance), WASSERSTEIN_STD_FLOOR);
  const score = wasserstein1(ref.distribution, cur.distribution) / norm;
  return decide(wassersteinNormedMeta, { score, approximate: !(ref.exact && cur.exact) }, threshold, options);
};
