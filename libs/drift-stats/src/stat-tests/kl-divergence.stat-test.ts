import { smoothedProportions } from '../views';
import { binnedInputs } from './binned-inputs';
import { decide, insufficientData } from './decision';
import { normalize } from './proportions';
import type { StatTestFunction, StatTestMeta } from './stat-test.types';

/**
 * Kullback–Leibler divergence KL(p‖q) = Σᵢ pᵢ ln(pᵢ/qᵢ) of the current (q) from the reference
 * (p), in nats, on smoothed proportions renormalized to sum to 1 (as scipy.stats.entropy(p, q)).
 * Asymmetric; default threshold 0.1.
 */
export const klDivergenceMeta: StatTestMeta = {
  method: 'kl-divergence',
  name: 'Kullback–Leibler divergence KL(reference ‖ current)',
  featureTypes: ['numerical', 'categorical', 'boolean'],
  kind: 'distance',
  defaultThreshold: 0.1,
  higherIsDrift: true,
  scoreRange: [0, Infinity],
  symmetric: false,
  swap: 'gives KL(current ‖ reference), in general a different value',
  reads: 'bins',
  references: 'Kullback & Leibler 1951; scipy.stats.entropy',
};

export const klDivergenceStatTest: StatTestFunction = (reference, current, threshold, options = {}) => {
  const bins = binnedInputs(klDivergenceMeta, reference, current, options);
  if (bins === null) return insufficientData(klDivergenceMeta, threshold, options);
  const p = normalize(smoothedProportions(bins.reference, bins.referenceTotal));
  const q = normalize(smoothedProportions(bins.current, bins.currentTotal));
  return decide(klDivergenceMeta, { score: Math.max(0, klDivergence(p, q)) }, threshold, options);
};

/** Σ pᵢ ln(pᵢ/qᵢ) with 0·ln 0 = 0 (q must be positive wherever p is). */
export function klDivergence(p: Float64Array, q: Float64Array): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) s += p[i] * Math.log(p[i] / q[i]);
  return s;
}
