import { normalSf } from '../math';
import { binnedInputs } from './binned-inputs';
import { decide, insufficientData } from './decision';
import type { StatTestFunction, StatTestMeta } from './stat-test.types';

/**
 * Two-proportion z-test (pooled), for binary features: with p₁, p₂ the shares of the first
 * bucket (first category in sorted order, e.g. "false"; first bin for numerical) in reference and
 * current and p̂ the pooled share,
 *   z = (p₁ − p₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)),  p-value = 2·(1 − Φ(|z|)).
 * The score is |z| (symmetric). p̂ ∈ {0, 1} (both samples all in one bucket) gives z = 0, p = 1.
 * Equals the uncorrected 2×2 chi-square test (z² = χ²). Other buckets count as "not first".
 *
 * Effect size: Cohen's h = |2·asin√p₁ − 2·asin√p₂| (0.2 small, 0.5 medium, 0.8 large).
 */
export const zTestMeta: StatTestMeta = {
  method: 'z-test',
  name: 'Two-proportion z-test',
  featureTypes: ['boolean', 'categorical', 'numerical'],
  kind: 'p-value',
  defaultThreshold: 0.05,
  higherIsDrift: true,
  scoreRange: [0, Infinity],
  symmetric: true,
  swap: 'same |z| and p-value',
  reads: 'bins',
  effectSize: { name: "Cohen's h", defaultMinimum: 0.2 },
  references: 'Fleiss, Levin & Paik 2003, §2.5; Cohen 1988 (effect size h)',
};

export const zTestStatTest: StatTestFunction = (reference, current, threshold, options = {}) => {
  const bins = binnedInputs(zTestMeta, reference, current, options);
  if (bins === null) return insufficientData(zTestMeta, threshold, options);
  const n1 = bins.referenceTotal;
  const n2 = bins.currentTotal;
  const p1 = bins.reference[0] / n1;
  const p2 = bins.current[0] / n2;
  const pooled = (bins.reference[0] + bins.current[0]) / (n1 + n2);
  let z = 0;
  let pValue = 1;
  if (pooled > 0 && pooled < 1) {
    z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    pValue = Math.min(1, 2 * normalSf(Math.abs(z)));
  }
  const effectSize = Math.abs(2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)));
  return decide(zTestMeta, { score: Math.abs(z), pValue, effectSize }, threshold, options);
};
