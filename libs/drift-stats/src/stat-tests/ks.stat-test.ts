import { ecdfMaxDistance, ksAsymptoticPValue, ksExactPValue, ksLatticeStatistic, ksMode } from '../math';
import { decide, insufficientData } from './decision';
import { numericalInputs } from './numerical-inputs';
import type { StatTestFunction, StatTestMeta } from './stat-test.types';

/**
 * Two-sample Kolmogorov–Smirnov test: D = sup_x |F_ref(x) − F_cur(x)|, two-sided, with the
 * p-value of scipy.stats.ks_2samp(method='auto'): exact (Hodges 1958 lattice paths) when
 * max(n_ref, n_cur) ≤ 10 000, else from the Kolmogorov distribution at the effective size
 * round(n·m/(n+m)) (see math/ks-two-sample.ts). Ties are handled as scipy does (ECDFs compared
 * at every observed value).
 *
 * On profiles, D comes from the quantile sketches (error ≤ ε_ref + ε_cur, about 1.35% with the
 * default k) unless both samples hold every value; the result is then marked approximate and the
 * p-value uses the true counts. Effect size: D itself.
 */
export const ksMeta: StatTestMeta = {
  method: 'ks',
  name: 'Kolmogorov–Smirnov (two-sample)',
  featureTypes: ['numerical'],
  kind: 'p-value',
  defaultThreshold: 0.05,
  higherIsDrift: true,
  scoreRange: [0, 1],
  symmetric: true,
  swap: 'same statistic and p-value',
  reads: 'distribution',
  effectSize: { name: 'KS distance D', defaultMinimum: 0.1 },
  references: 'Smirnov 1939; Hodges 1958; Simard & L’Ecuyer 2011; scipy.stats.ks_2samp',
};

export const ksStatTest: StatTestFunction = (reference, current, threshold, options = {}) => {
  const inputs = numericalInputs(ksMeta, reference, current, options);
  if (inputs === null) return insufficientData(ksMeta, threshold, options);
  const [ref, cur] = inputs;
  const n1 = ref.count;
  const n2 = cur.count;
  const d = ecdfMaxDistance(ref.distribution, cur.distribution);
  let statistic = d;
  let pValue: number;
  if (ksMode(n1, n2) === 'exact') {
    const lattice = ksLatticeStatistic(n1, n2, d);
    statistic = lattice.statistic;
    pValue = ksExactPValue(n1, n2, lattice.h);
  } else {
    pValue = ksAsymptoticPValue(n1, n2, d);
  }
  const approximate = !(ref.exact && cur.exact);
  return decide(ksMeta, { score: statistic, pValue, effectSize: statistic, approximate }, threshold, options);
};
