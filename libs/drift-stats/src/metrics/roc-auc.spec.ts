import { aucFromHistogram, rocAuc } from './roc-auc';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function histograms(labels: number[], scores: number[], bins: number) {
  const positive = new Array<number>(bins).fill(0);
  const negative = new Array<number>(bins).fill(0);
  scores.forEach((s, i) => {
    const bin = Math.min(bins - 1, Math.floor(s * bins));
    (labels[i] === 1 ? positive : negative)[bin]++;
  });
  return { positive, negative };
}

describe('rocAuc (exact)', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, 0.5 for all ties', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(rocAuc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])).toBe(0);
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
  });

  it('counts a tied positive/negative pair as one half', () => {
    // Pairs (p, n): (0.4 vs 0.1) 1, (0.4 vs 0.4) ½, (0.9 vs 0.1) 1, (0.9 vs 0.4) 1 → 3.5 / 4.
    expect(rocAuc([0, 1, 0, 1], [0.1, 0.4, 0.4, 0.9])).toBe(0.875);
  });

  it('accepts any positive label and booleans', () => {
    expect(rocAuc(['ham', 'spam', 'ham'], [0.2, 0.7, 0.9], 'spam')).toBe(0.5);
    expect(rocAuc([false, true], [0.2, 0.7])).toBe(1);
  });

  it('ignores rows with an unusable label or score', () => {
    expect(rocAuc([0, 1, null, 1, 0], [0.1, 0.9, 0.5, Number.NaN, null])).toBe(1);
  });

  it('is null with a single class', () => {
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNull();
    expect(rocAuc([], [])).toBeNull();
  });
});

describe('aucFromHistogram', () => {
  it('is exact when no bin holds both classes', () => {
    expect(aucFromHistogram([0, 0, 2, 1], [1, 3, 0, 0])).toEqual({ auc: 1, errorBound: 0 });
  });

  it('is null with an empty class', () => {
    expect(aucFromHistogram([1, 2], [0, 0])).toBeNull();
  });

  it.each([10, 100, 1000])('stays within its error bound of the exact AUC (%p bins, seeded data)', (bins) => {
    const random = mulberry32(bins);
    for (let trial = 0; trial < 20; trial++) {
      const n = 200 + Math.floor(random() * 2000);
      const labels = Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
      // Overlapping class distributions, some rounded to force ties.
      const scores = labels.map((y) => {
        const s = Math.min(1, Math.max(0, 0.4 + 0.2 * y + (random() - 0.5) * 0.6));
        return trial % 3 === 0 ? Math.round(s * 50) / 50 : s;
      });
      const { positive, negative } = histograms(labels, scores, bins);
      const estimate = aucFromHistogram(positive, negative)!;
      const exact = rocAuc(labels, scores)!;
      expect(Math.abs(estimate.auc - exact)).toBeLessThanOrEqual(estimate.errorBound + 1e-15);
    }
  });

  it('has a bound near density / (2·bins) for smooth scores', () => {
    const random = mulberry32(5);
    const labels = Array.from({ length: 20_000 }, (_, i) => i % 2);
    const scores = labels.map(() => random()); // uniform: density 1
    const { positive, negative } = histograms(labels, scores, 1000);
    const { errorBound } = aucFromHistogram(positive, negative)!;
    expect(errorBound).toBeGreaterThan(0.0003);
    expect(errorBound).toBeLessThan(0.0007);
  });
});
