import { newConceptProbability } from './concept-transition';

describe('newConceptProbability', () => {
  it('ramps linearly from 0 to 1 over the width', () => {
    expect([0, 250, 500, 1000, 5000].map((t) => newConceptProbability('linear', 1000, t))).toEqual([0, 0.25, 0.5, 1, 1]);
  });

  it('follows MOA’s sigmoid, centred on the middle of the width', () => {
    expect(newConceptProbability('sigmoid', 1000, 500)).toBe(0.5);
    expect(newConceptProbability('sigmoid', 1000, 0)).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
    expect(newConceptProbability('sigmoid', 1000, 999)).toBeCloseTo(1 / (1 + Math.exp(-2)), 2);
    expect(newConceptProbability('sigmoid', 1000, 1000)).toBe(1);
  });

  it('never decreases', () => {
    for (const shape of ['linear', 'sigmoid'] as const) {
      const p = Array.from({ length: 120 }, (_, t) => newConceptProbability(shape, 100, t));
      expect(p.every((v, i) => i === 0 || v >= p[i - 1])).toBe(true);
    }
  });
});
