import { smoothedProportions } from '../views';
import { binnedInputs } from './binned-inputs';
import { decide, insufficientData } from './decision';
import { klDivergence } from './kl-divergence.stat-test';
import { normalize } from './proportions';
import type { StatTestFunction, StatTestMeta } from './stat-test.types';

/**
 * Jensen–Shannon distance √JSD, JSD = ½KL(p‖m) + ½KL(q‖m), m = ½(p + q), natural logarithm, on
 * smoothed proportions renormalized to 1 (as scipy.spatial.distance.jensenshannon): a metric in
 * [0, √ln 2 ≈ 0.833]. Default threshold 0.1 (Evidently's). Symmetric, finite even with empty
 * buckets.
 */
export const jensenShannonMeta: StatTestMeta = {
  method: 'jensen-shannon',
  name: 'Jensen–Shannon distance',
  featureTypes: ['numerical', 'categorical', 'boolean'],
  kind: 'distance',
  defaultThreshold: 0.1,
  higherIsDrift: true,
  scoreRange: [0, Math.sqrt(Math.LN2)],
  symmetric: true,
  swap: 'same distance',
  reads: 'bins',
  references: 'Lin 1991; Endres & Schindelin 2003; scipy.spatial.distance.jensenshannon',
};

export const jensenShannonStatTest: StatTestFunction = (reference, current, threshold, options = {}) => {
  const bins = binnedInputs(jensenShannonMeta, reference, current, options);
  if (bins === null) return insufficientData(jensenShannonMeta, threshold, options);
  const p = normalize(smoothedProportions(bins.reference, bins.referenceTotal));
  const q = normalize(smoothedProportions(bins.current, bins.currentTotal));
  const m = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) m[i] = (p[i] + q[i]) / 2;
  const jsd = (klDivergence(p, m) + klDivergence(q, m)) / 2;
  return decide(jensenShannonMeta, { score: Math.sqrt(Math.max(0, jsd)) }, threshold, options);
};
