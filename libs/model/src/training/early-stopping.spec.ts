import { EarlyStopping } from './early-stopping';

describe('EarlyStopping', () => {
  it('stops after `patience` epochs without an improvement larger than minDelta', () => {
    const s = new EarlyStopping(2, 0.01);
    const steps = [1, 0.5, 0.495, 0.6, 0.4, 0.45, 0.41].map((v, i) => s.update(i + 1, v));
    expect(steps.map((x) => x.improved)).toEqual([true, true, false, false, true, false, false]);
    expect(steps.map((x) => x.stop)).toEqual([false, false, false, true, false, false, true]);
    expect(s.bestEpoch).toBe(5);
    expect(s.bestValue).toBe(0.4);
  });
});
