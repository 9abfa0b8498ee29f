import { Mulberry32 } from '../random';
import { KllSketch } from './kll-sketch';
import { supportRank } from './weighted-support';

function stream(n: number, seed: number, kind: 'uniform' | 'normal' | 'sorted' | 'ties'): Float64Array {
  const rng = new Mulberry32(seed);
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (kind === 'uniform') xs[i] = rng.next();
    else if (kind === 'normal') {
      let s = 0;
      for (let j = 0; j < 12; j++) s += rng.next();
      xs[i] = s - 6;
    } else if (kind === 'sorted') xs[i] = i;
    else xs[i] = rng.nextInt(50);
  }
  return xs;
}

/** Largest |sketch rank − true rank| / n over a grid of query points. */
function maxRankError(sketch: KllSketch, data: Float64Array): number {
  const sorted = data.slice().sort();
  const support = sketch.support();
  const n = sorted.length;
  let worst = 0;
  for (let q = 0; q <= 200; q++) {
    const x = sorted[Math.min(n - 1, Math.floor((q / 200) * n))];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    worst = Math.max(worst, Math.abs(supportRank(support, x) - lo / n));
  }
  return worst;
}

describe('KllSketch', () => {
  it.each([
    [200, 0.012],
    [400, 0.006],
  ])('keeps the normalized rank error of k=%i within %f on 10^5 values', (k, bound) => {
    for (const kind of ['uniform', 'normal', 'sorted', 'ties'] as const) {
      for (const seed of [1, 2, 3]) {
        const data = stream(100_000, seed, kind);
        const sketch = new KllSketch(k, seed);
        data.forEach((x) => sketch.update(x));
        expect(sketch.count).toBe(data.length);
        expect({ kind, seed, error: maxRankError(sketch, data) }).toEqual({ kind, seed, error: expect.any(Number) });
        expect(maxRankError(sketch, data)).toBeLessThanOrEqual(bound);
      }
    }
  });

  it('uses memory independent of the stream length', () => {
    const sizes = [10_000, 100_000, 1_000_000].map((n) => {
      const sketch = new KllSketch(200, 5);
      const rng = new Mulberry32(9);
      for (let i = 0; i < n; i++) sketch.update(rng.next());
      return sketch.retained;
    });
    for (const size of sizes) expect(size).toBeLessThan(3 * 200 + 200);
    expect(sizes[2]).toBeLessThan(sizes[1] + 100);
  });

  it('merges partial sketches into a sketch of the union within the bound, with an exact count', () => {
    const data = stream(160_000, 11, 'normal');
    const parts = Array.from({ length: 16 }, (_, p) => {
      const s = new KllSketch(200, 100 + p);
      for (let i = p * 10_000; i < (p + 1) * 10_000; i++) s.update(data[i]);
      return s;
    });
    const merged = parts[0].clone();
    for (const part of parts.slice(1)) merged.merge(part);
    expect(merged.count).toBe(data.length);
    expect(maxRankError(merged, data)).toBeLessThanOrEqual(0.012);
    const reversed = parts[15].clone();
    for (const part of parts.slice(0, 15).reverse()) reversed.merge(part);
    expect(reversed.count).toBe(data.length);
    expect(maxRankError(reversed, data)).toBeLessThanOrEqual(0.012);
  });

  it('round-trips through JSON and continues identically', () => {
    const a = new KllSketch(64, 3);
    const rng = new Mulberry32(4);
    for (let i = 0; i < 5000; i++) a.update(rng.next());
    const b = KllSketch.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    expect(b.toJSON()).toEqual(a.toJSON());
    for (let i = 0; i < 5000; i++) {
      const x = rng.next();
      a.update(x);
      b.update(x);
    }
    expect(b.toJSON()).toEqual(a.toJSON());
  });

  it('rejects a bad k and corrupt JSON', () => {
    expect(() => new KllSketch(3)).toThrow('invalid k');
    const json = new KllSketch(16).toJSON();
    expect(() => KllSketch.fromJSON({ ...json, n: 5 })).toThrow('weights sum to 0');
  });
});
