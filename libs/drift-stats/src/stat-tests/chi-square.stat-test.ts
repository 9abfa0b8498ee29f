import { chiSquareSf } from '../math';
import { binnedInputs } from './binned-inputs';
import { decide, insufficientData } from './decision';
import type { StatTestFunction, StatTestMeta } from './stat-test.types';

/**
 * Pearson's chi-square test of homogeneity on the 2×k table (reference, current) × buckets, as
 * scipy.stats.chi2_contingency with its defaults: expected counts eᵣ꜀ = rowᵣ·col꜀/N, statistic
 * Σ (o − e)²/e, k − 1 degrees of freedom (buckets empty on both sides dropped), and Yates'
 * continuity correction when there is one degree of freedom (each observed count moved toward
 * its expectation by at most ½). Unseen categories are buckets like any other.
 *
 * Effect size: Cramér's V = √(χ²/N) (for two rows), free of the sample size.
 */
export const chiSquareMeta: StatTestMeta = {
  method: 'chi-square',
  name: 'Chi-square test of homogeneity',
  featureTypes: ['categorical', 'boolean', 'numerical'],
  kind: 'p-value',
  defaultThreshold: 0.05,
  higherIsDrift: true,
  scoreRange: [0, Infinity],
  symmetric: true,
  swap: 'same statistic and p-value (the table is transposed row-wise)',
  reads: 'bins',
  effectSize: { name: "Cramér's V", defaultMinimum: 0.1 },
  references: 'Pearson 1900; Yates 1934; Cramér 1946; scipy.stats.chi2_contingency',
};

export const chiSquareStatTest: StatTestFunction = (reference, current, threshold, options = {}) => {
  const bins = binnedInputs(chiSquareMeta, reference, current, options);
  if (bins === null) return insufficientData(chiSquareMeta, threshold, options);
  const { statistic, dof, n } = chiSquareContingency(bins.reference, bins.current);
  const pValue = dof === 0 ? 1 : chiSquareSf(statistic, dof);
  const effectSize = n > 0 ? Math.sqrt(statistic / n) : 0;
  return decide(chiSquareMeta, { score: statistic, pValue, effectSize }, threshold, options);
};

/** χ² of a 2×k table given as two rows; Yates-corrected when k − 1 = 1 (scipy's default). */
export function chiSquareContingency(row1: Float64Array, row2: Float64Array): { statistic: number; dof: number; n: number } {
  const columns: number[] = [];
  for (let i = 0; i < row1.length; i++) if (row1[i] + row2[i] > 0) columns.push(i);
  let n1 = 0;
  let n2 = 0;
  for (const i of columns) {
    n1 += row1[i];
    n2 += row2[i];
  }
  const n = n1 + n2;
  const dof = columns.length - 1;
  if (dof <= 0) return { statistic: 0, dof: 0, n };
  let statistic = 0;
  for (const i of columns) {
    const total = row1[i] + row2[i];
    statistic += cell(row1[i], (n1 * total) / n, dof) + cell(row2[i], (n2 * total) / n, dof);
  }
  return { statistic, dof, n };
}

function cell(observed: number, expected: number, dof: number): number {
  let o = observed;
  if (dof === 1) {
    const diff = expected - o;
    o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
  }
  return ((o - expected) * (o - expected)) / expected;
}
