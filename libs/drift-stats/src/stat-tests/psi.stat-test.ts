import { smoothedProportions } from '../views';
import { binnedInputs } from './binned-inputs';
import { decide, insufficientData } from './decision';
import type { StatTestFunction, StatTestMeta } from './stat-test.types';

/**
 * Population Stability Index: PSI = Σᵢ (pᵢ − qᵢ) · ln(pᵢ/qᵢ) over shared buckets, p the
 * reference and q the current proportions, empty buckets smoothed to 1e-4 (views/binning.ts).
 * It is the symmetrized KL divergence KL(p‖q) + KL(q‖p). Rule of thumb (Siddiqi 2006):
 * < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 major shift; default threshold 0.1.
 */
export const psiMeta: StatTestMeta = {
  method: 'psi',
  name: 'Population Stability Index',
  featureTypes: ['numerical', 'categorical', 'boolean'],
  kind: 'distance',
  defaultThreshold: 0.1,
  higherIsDrift: true,
  scoreRange: [0, Infinity],
  symmetric: true,
  swap: 'same index (PSI is symmetric in p and q)',
  reads: 'bins',
  references: 'Siddiqi 2006, Credit Risk Scorecards; Yurdakul 2018',
};

export const psiStatTest: StatTestFunction = (reference, current, threshold, options = {}) => {
  const bins = binnedInputs(psiMeta, reference, current, options);
  if (bins === null) return insufficientData(psiMeta, threshold, options);
  const p = smoothedProportions(bins.reference, bins.referenceTotal);
  const q = smoothedProportions(bins.current, bins.currentTotal);
  let score = 0;
  for (let i = 0; i < p.length; i++) score += (p[i] - q[i]) * Math.log(p[i] / q[i]);
  return decide(psiMeta, { score }, threshold, options);
};
