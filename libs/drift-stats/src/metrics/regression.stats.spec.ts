import { InvalidStatsJsonError } from './metric.errors';
import { RegressionStats } from './regression.stats';

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

function pairs(seed: number, n: number, offset = 0): [number, number][] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const y = offset + (random() - 0.5) * 20;
    return [y, y + (random() - 0.4) * 3];
  });
}

const statsOf = (data: [number, number][]) => data.reduce((s, [y, p]) => s.update(y, p), new RegressionStats());

describe('RegressionStats', () => {
  it('computes the textbook metrics of a small example', () => {
    const m = new RegressionStats().updateMany([1, 2, 3, 4], [2, 2, 2, 6]).compute();
    // errors ŷ − y = 1, 0, −1, 2
    expect(m).toMatchObject({ n: 4, meanError: 0.5, mae: 1, mse: 1.5, rmse: Math.sqrt(1.5) });
    expect(m.mape).toBeCloseTo((1 / 1 + 0 + 1 / 3 + 2 / 4) / 4, 15);
    // SST = 5 (mean 2.5), SSE = 6
    expect(m.r2).toBeCloseTo(1 - 6 / 5, 15);
  });

  it('gives null metrics when empty and a null R² for constant targets', () => {
    expect(new RegressionStats().compute()).toEqual({
      n: 0,
      skipped: 0,
      meanError: null,
      mae: null,
      mse: null,
      rmse: null,
      mape: null,
      r2: null,
    });
    expect(new RegressionStats().updateMany([2, 2, 2], [1, 2, 3]).compute().r2).toBeNull();
  });

  it('counts unusable rows as skipped, never throwing', () => {
    const stats = new RegressionStats();
    [Number.NaN, Infinity, null, undefined, '3', 1e200].forEach((bad) => {
      stats.update(bad as number, 1).update(1, bad as number);
    });
    stats.update(1, 2);
    expect(stats.compute()).toMatchObject({ n: 1, skipped: 12, mae: 1 });
  });

  it('keeps R² exact far from zero (no cancellation in the total sum of squares)', () => {
    // Values on a 1/1024 grid, so shifting them by 1e8 is exact: the errors and
    // the spread are identical, and so must R² be. A naive Σy² − (Σy)²/n would
    // lose every digit of SST at this offset.
    const random = mulberry32(4);
    const grid = (x: number) => Math.round(x * 1024) / 1024;
    const data = Array.from({ length: 2000 }, () => {
      const y = grid((random() - 0.5) * 20);
      return [y, y + grid((random() - 0.4) * 3)] as [number, number];
    });
    const near = statsOf(data).compute();
    const far = statsOf(data.map(([y, p]) => [y + 1e8, p + 1e8])).compute();
    expect(far.r2).toBe(near.r2);
    expect(far.mse).toBe(near.mse);
  });

  it('merges exactly: any partition and grouping gives the whole-stream result', () => {
    const data = pairs(1, 3000, 50);
    const [a, b, c] = [data.slice(0, 1000), data.slice(1000, 1100), data.slice(1100)].map(statsOf);
    const whole = statsOf(data);
    expect(a.clone().merge(b).merge(c).compute()).toEqual(whole.compute());
    expect(c.clone().merge(a.clone().merge(b)).compute()).toEqual(whole.compute());
    expect(b.clone().merge(c).merge(a).toJSON()).toEqual(whole.toJSON());
  });

  it('round-trips through JSON without loss', () => {
    const stats = statsOf(pairs(2, 500)).update(Number.NaN, 1);
    const copy = RegressionStats.fromJSON(JSON.parse(JSON.stringify(stats)));
    expect(copy.compute()).toEqual(stats.compute());
    expect(copy.toJSON()).toEqual(stats.toJSON());
  });

  it('rejects malformed JSON with the failing path', () => {
    const json = new RegressionStats().update(1, 2).toJSON();
    expect(() => RegressionStats.fromJSON(null)).toThrow(InvalidStatsJsonError);
    expect(() => RegressionStats.fromJSON({ ...json, n: 1.5 })).toThrow('at n');
    expect(() => RegressionStats.fromJSON({ ...json, targetSum: [Number.NaN] })).toThrow('at targetSum');
  });
});
