import { proportions } from '../views';
import { binnedInputs } from './binned-inputs';
import { decide, insufficientData } from './decision';
import type { StatTestFunction, StatTestMeta } from './stat-test.types';

/**
 * Hellinger distance H = √(½ Σᵢ (√pᵢ − √qᵢ)²) on raw proportions (no smoothing needed): a metric
 * in [0, 1], 1 for disjoint supports. Default threshold 0.1.
 */
export const hellingerMeta: StatTestMeta = {
  method: 'hellinger',
  name: 'Hellinger distance',
  featureTypes: ['numerical', 'categorical', 'boolean'],
  kind: 'distance',
  defaultThreshold: 0.1,
  higherIsDrift: true,
  scoreRange: [0, 1],
  symmetric: true,
  swap: 'same distance',
  reads: 'bins',
  references: 'Hellinger 1909; Le Cam & Yang 2000',
};

export const hellingerStatTest: StatTestFunction = (reference, current, threshold, options = {}) => {
  const bins = binnedInputs(hellingerMeta, reference, current, options);
  if (bins === null) return insufficientData(hellingerMeta, threshold, options);
  const p = proportions(bins.reference, bins.referenceTotal);
  const q = proportions(bins.current, bins.currentTotal);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const d = Math.sqrt(p[i]) - Math.sqrt(q[i]);
    s += d * d;
  }
  return decide(hellingerMeta, { score: Math.min(1, Math.sqrt(s / 2)) }, threshold, options);
};
