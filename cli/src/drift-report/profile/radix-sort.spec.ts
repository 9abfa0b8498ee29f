import { Mulberry32 } from '@mlops/drift-stats';
import { radixSortFloat64 } from './radix-sort';

function same(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

describe('radixSortFloat64', () => {
  const rng = new Mulberry32(4);
  it.each([
    ['mixed signs and magnitudes', () => (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 40 - 20)],
    ['few distinct integers (skipped passes)', () => Math.floor(rng.next() * 7)],
    ['signed zeros and extremes', () => [0, -0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 1][Math.floor(rng.next() * 7)]],
    ['negative only', () => -rng.next() * 1e6],
  ])('sorts %s like Float64Array.prototype.sort', (_name, value) => {
    for (const n of [0, 1, 100, 5000, 70_000]) {
      const values = Float64Array.from({ length: n }, value);
      const expected = values.slice().sort();
      expect(same(radixSortFloat64(values), expected)).toBe(true);
    }
  });

  it('sorts a subarray in place without touching the rest of its buffer', () => {
    const buffer = Float64Array.from({ length: 10_000 }, () => rng.next());
    const before = buffer.slice();
    const part = buffer.subarray(1000, 9000);
    radixSortFloat64(part);
    expect(same(part, before.subarray(1000, 9000).slice().sort())).toBe(true);
    expect(same(buffer.subarray(0, 1000), before.subarray(0, 1000))).toBe(true);
    expect(same(buffer.subarray(9000), before.subarray(9000))).toBe(true);
  });
});
