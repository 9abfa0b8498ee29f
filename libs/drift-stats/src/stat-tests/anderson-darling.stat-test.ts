import { andersonDarling2 } from '../math';
import { decide, insufficientData } from './decision';
import { numericalInputs } from './numerical-inputs';
import type { StatTestFunction, StatTestMeta } from './stat-test.types';

/**
 * Two-sample Anderson–Darling test (midrank A²_akN of Scholz & Stephens 1987), the score being
 * the standardized statistic and the p-value interpolated from their table as
 * scipy.stats.anderson_ksamp(variant='midrank'): only defined in [0.001, 0.25], capped there.
 * More sensitive to tails than KS. Identical samples give A² = 0, hence a negative standardized
 * score and p = 0.25.
 *
 * Effect size: √(A²·N/(n₁n₂)) ≈ √(∫(F−G)²/(H(1−H)) dH), free of the sample sizes.
 */
export const andersonDarlingMeta: StatTestMeta = {
  method: 'anderson-darling',
  name: 'Anderson–Darling k-sample (k = 2)',
  featureTypes: ['numerical'],
  kind: 'p-value',
  defaultThreshold: 0.05,
  higherIsDrift: true,
  scoreRange: [-Infinity, Infinity],
  symmetric: true,
  swap: 'same statistic and p-value',
  reads: 'distribution',
  effectSize: { name: 'weighted L2 distance √(A²N/(n₁n₂))', defaultMinimum: 0.1 },
  references: 'Scholz & Stephens 1987, JASA 82(399); scipy.stats.anderson_ksamp',
};

export const andersonDarlingStatTest: StatTestFunction = (reference, current, threshold, options = {}) => {
  const inputs = numericalInputs(andersonDarlingMeta, reference, current, options);
  if (inputs === null) return insufficientData(andersonDarlingMeta, threshold, options);
  const [ref, cur] = inputs;
  if (ref.count + cur.count < 4 || (ref.min === ref.max && cur.min === cur.max && ref.min === cur.min)) {
    // One distinct pooled value (or too few points for σ_N): nothing can differ.
    return decide(andersonDarlingMeta, { score: 0, pValue: 1, effectSize: 0, approximate: !(ref.exact && cur.exact) }, threshold, options);
  }
  const r = andersonDarling2(ref.distribution, cur.distribution);
  const effectSize = Math.sqrt(Math.max(0, (r.a2 * (ref.count + cur.count)) / (ref.count * cur.count)));
  return decide(
    andersonDarlingMeta,
    { score: r.statistic, pValue: r.pValue, effectSize, approximate: !(ref.exact && cur.exact) },
    threshold,
    options,
  );
};
