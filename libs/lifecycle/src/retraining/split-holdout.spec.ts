import { splitHoldout } from './split-holdout';

describe('splitHoldout', () => {
  const rows = Array.from({ length: 10 }, (_, i) => i);

  it('holds out the most recent rows', () => {
    expect(splitHoldout(rows, 0.2)).toEqual({ train: [0, 1, 2, 3, 4, 5, 6, 7], holdout: [8, 9] });
  });

  it('keeps at least one row on each side', () => {
    expect(splitHoldout([1, 2], 0.01)).toEqual({ train: [1], holdout: [2] });
    expect(splitHoldout([1, 2, 3], 0.99)).toEqual({ train: [1], holdout: [2, 3] });
    expect(splitHoldout([1], 0.5)).toEqual({ train: [1], holdout: [] });
  });

  it('refuses a fraction outside (0, 1)', () => {
    expect(() => splitHoldout(rows, 0)).toThrow(RangeError);
    expect(() => splitHoldout(rows, 1)).toThrow(RangeError);
  });
});
