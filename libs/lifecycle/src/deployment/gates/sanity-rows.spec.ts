import { isFinitePrediction, sanityRows } from './sanity-rows';

describe('sanity batch', () => {
  it('has a missing row and two rows of plain values per feature type', () => {
    const rows = sanityRows([
      { name: 'age', type: 'numerical' },
      { name: 'car', type: 'categorical' },
      { name: 'vip', type: 'boolean' },
    ]);
    expect(rows).toEqual([
      { age: null, car: null, vip: null },
      { age: 0, car: '__sanity_a__', vip: false },
      { age: 1, car: '__sanity_b__', vip: true },
    ]);
  });

  it('accepts finite predictions only', () => {
    expect(isFinitePrediction(0.3)).toBe(true);
    expect(isFinitePrediction(Number.NaN)).toBe(false);
    expect(isFinitePrediction({ label: 'a', score: 0.2, probabilities: { a: 0.8, b: 0.2 } })).toBe(true);
    expect(isFinitePrediction({ label: 'a', score: 0.2, probabilities: { a: Number.NaN } })).toBe(false);
    expect(isFinitePrediction({ label: 'a' })).toBe(false);
    expect(isFinitePrediction(null)).toBe(false);
  });
});
