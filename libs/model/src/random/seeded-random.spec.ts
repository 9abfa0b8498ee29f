import { mulberry32, permutation } from './seeded-random';

describe('mulberry32', () => {
  it('repeats a sequence for a seed, in [0, 1), and differs across seeds', () => {
    const a = Array.from({ length: 5 }, mulberry32(7));
    expect(Array.from({ length: 5 }, mulberry32(7))).toEqual(a);
    expect(Array.from({ length: 5 }, mulberry32(8))).not.toEqual(a);
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('permutes 0 … n−1', () => {
    const p = Array.from(permutation(100, mulberry32(1)));
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(p).not.toEqual([...p].sort((x, y) => x - y));
  });
});
