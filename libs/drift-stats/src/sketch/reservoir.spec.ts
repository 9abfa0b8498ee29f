import { Reservoir } from './reservoir';

function filled(capacity: number, seed: number, values: number[]): Reservoir {
  const r = new Reservoir(capacity, seed);
  values.forEach((v) => r.offer(v));
  return r;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
const sorted = (xs: Float64Array): number[] => Array.from(xs).sort((a, b) => a - b);

describe('Reservoir', () => {
  it('holds every value while under capacity', () => {
    const r = filled(100, 1, range(0, 60));
    expect(r.complete).toBe(true);
    expect(sorted(r.sample())).toEqual(range(0, 60));
    r.offer(1000);
    expect(r.seen).toBe(61);
  });

  it('keeps a uniform sample of a long stream', () => {
    // 100 000 values 0..99 999; 20 seeds × 1000 kept: each decile should hold ~10%.
    const deciles = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 20; seed++) {
      const r = filled(1000, seed, range(0, 100_000));
      expect(r.sample().length).toBe(1000);
      expect(r.complete).toBe(false);
      for (const v of r.sample()) deciles[Math.floor(v / 10_000)]++;
    }
    for (const d of deciles) expect(Math.abs(d / 20_000 - 0.1)).toBeLessThan(0.01);
  });

  it('merges into a sample of the union, commutatively and associatively', () => {
    const a = filled(300, 1, range(0, 10_000));
    const b = filled(300, 2, range(10_000, 13_000));
    const c = filled(300, 3, range(13_000, 30_000));
    const ab = a.clone();
    ab.merge(b);
    const ba = b.clone();
    ba.merge(a);
    expect(sorted(ab.sample())).toEqual(sorted(ba.sample()));
    const left = ab.clone();
    left.merge(c);
    const bc = b.clone();
    bc.merge(c);
    const right = a.clone();
    right.merge(bc);
    expect(sorted(left.sample())).toEqual(sorted(right.sample()));
    expect(left.seen).toBe(30_000);
  });

  it('weights partitions by their size when merging', () => {
    let fromSmall = 0;
    for (let seed = 0; seed < 30; seed++) {
      const big = filled(500, 2 * seed, range(0, 90_000));
      const small = filled(500, 2 * seed + 1, range(90_000, 100_000));
      big.merge(small);
      fromSmall += Array.from(big.sample()).filter((v) => v >= 90_000).length;
    }
    expect(Math.abs(fromSmall / (30 * 500) - 0.1)).toBeLessThan(0.015);
  });

  it('round-trips through JSON and continues identically', () => {
    const a = filled(50, 9, range(0, 5000));
    const b = Reservoir.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    for (const v of range(5000, 9000)) {
      a.offer(v);
      b.offer(v);
    }
    expect(b.toJSON()).toEqual(a.toJSON());
  });

  it('accepts capacity 0 (no sample) and rejects a negative one', () => {
    const r = filled(0, 1, range(0, 10));
    expect(r.sample().length).toBe(0);
    expect(r.seen).toBe(10);
    expect(() => new Reservoir(-1)).toThrow('invalid sampleSize');
  });
});
