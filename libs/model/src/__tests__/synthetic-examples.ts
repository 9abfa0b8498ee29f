import { mulberry32 } from '../random/seeded-random';
import type { TrainingExample } from '../training/training-example';

/**
 * Small seeded datasets for specs. Features: `x` numerical, `color` categorical, `flag`
 * boolean, with a few nulls in `x` so missing-value handling is exercised.
 */
function row(random: () => number, i: number): { x: number | null; color: string; flag: boolean; xv: number } {
  const xv = random() * 4 - 2;
  const color = ['red', 'green', 'blue'][Math.floor(random() * 3)];
  const flag = random() < 0.5;
  return { x: i % 25 === 0 ? null : xv, color, flag, xv };
}

/** Binary: positive when x + (color is red) > 0.3, labels "no"/"yes". */
export function binaryExamples(n: number, seed = 1): TrainingExample[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const r = row(random, i);
    return { features: { x: r.x, color: r.color, flag: r.flag }, label: r.xv + (r.color === 'red' ? 1 : 0) > 0.3 ? 'yes' : 'no' };
  });
}

/** Multiclass: three classes 0, 1, 2 by where x falls (below −0.7, between, above 0.7). */
export function multiclassExamples(n: number, seed = 2): TrainingExample[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const r = row(random, i);
    const label = r.xv < -0.7 ? 0 : r.xv < 0.7 ? 1 : 2;
    return { features: { x: r.x, color: r.color, flag: r.flag }, label };
  });
}

/** Regression: y = 1000 + 300·x + 200·[flag] + noise. */
export function regressionExamples(n: number, seed = 3): TrainingExample[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const r = row(random, i);
    return { features: { x: r.x, color: r.color, flag: r.flag }, label: 1000 + 300 * r.xv + (r.flag ? 200 : 0) + (random() - 0.5) * 20 };
  });
}

/** Options that train in well under a second on wasm. */
export const FAST = { hiddenUnits: [16], batchSize: 32, maxEpochs: 40, patience: 5, learningRate: 0.01, minCategoryCount: 1 } as const;
