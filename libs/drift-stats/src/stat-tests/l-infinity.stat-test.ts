import { proportions } from '../views';
import { binnedInputs } from './binned-inputs';
import { decide, insufficientData } from './decision';
import type { StatTestFunction, StatTestMeta } from './stat-test.types';

/**
 * L∞ distance max_i |pᵢ − qᵢ|: the largest change in any single bucket's share. In [0, 1];
 * default 0.1. Unlike TV it does not grow with many small changes.
 */
export const lInfinityMeta: StatTestMeta = {
  method: 'l-infinity',
  name: 'L-infinity distance',
  featureTypes: ['numerical', 'categorical', 'boolean'],
  kind: 'distance',
  defaultThreshold: 0.1,
  higherIsDrift: true,
  scoreRange: [0, 1],
  symmetric: true,
  swap: 'same distance',
  reads: 'bins',
  references: 'Breck et al. 2019, "Data Validation for Machine Learning" (TFDV L-infinity check)',
};

export const lInfinityStatTest: StatTestFunction = (reference, current, threshold, options = {}) => {
  const bins = binnedInputs(lInfinityMeta, reference, current, options);
  if (bins === null) return insufficientData(lInfinityMeta, threshold, options);
  const p = proportions(bins.reference, bins.referenceTotal);
  const q = proportions(bins.current, bins.currentTotal);
  let score = 0;
  for (let i = 0; i < p.length; i++) score = Math.max(score, Math.abs(p[i] - q[i]));
  return decide(lInfinityMeta, { score }, threshold, options);
};
