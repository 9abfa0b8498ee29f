import { proportions } from '../views';
import { binnedInputs } from './binned-inputs';
import { decide, insufficientData } from './decision';
import type { StatTestFunction, StatTestMeta } from './stat-test.types';

/**
 * Total variation distance TV = ½ Σᵢ |pᵢ − qᵢ| = the largest difference in probability any
 * event (set of buckets) can have under the two distributions. In [0, 1]; default 0.1.
 */
export const totalVariationMeta: StatTestMeta = {
  method: 'total-variation',
  name: 'Total variation distance',
  featureTypes: ['numerical', 'categorical', 'boolean'],
  kind: 'distance',
  defaultThreshold: 0.1,
  higherIsDrift: true,
  scoreRange: [0, 1],
  symmetric: true,
  swap: 'same distance',
  reads: 'bins',
  references: 'Levin, Peres & Wilmer, Markov Chains and Mixing Times, §4.1',
};

export const totalVariationStatTest: StatTestFunction = (reference, current, threshold, options = {}) => {
  const bins = binnedInputs(totalVariationMeta, reference, current, options);
  if (bins === null) return insufficientData(totalVariationMeta, threshold, options);
  const p = proportions(bins.reference, bins.referenceTotal);
  const q = proportions(bins.current, bins.currentTotal);
  let s = 0;
  for (let i = 0; i < p.length; i++) s += Math.abs(p[i] - q[i]);
  return decide(totalVariationMeta, { score: Math.min(1, s / 2) }, threshold, options);
};
