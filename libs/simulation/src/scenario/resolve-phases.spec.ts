import { scenario } from '../__test-support__/scenario-builder';
import { AGRAWAL_FEATURES } from '../generators/agrawal/agrawal-attributes';
import { resolvePhases, scenarioLength } from './resolve-phases';

const names = AGRAWAL_FEATURES.map((f) => f.name);

describe('resolvePhases', () => {
  const s = scenario({
    labels: { delay: { seconds: 3 }, neverShare: 0.2 },
    phases: [
      { name: 'a', events: 10, concept: 2 },
      { name: 'b', events: 20, concept: 6, transition: { width: 5, shape: 'linear' }, covariate: [{ feature: 'salary', scale: 2 }] },
      { name: 'c', events: 30, missing: { share: 0.1 }, prior: { positiveShare: 0.7 }, labels: { delay: { events: 4 } } },
      { name: 'd', events: 40, covariate: null, missing: null, prior: null },
    ],
  });
  const [a, b, c, d] = resolvePhases(s, names);

  it('lays the phases end to end', () => {
    expect([a, b, c, d].map((p) => [p.start, p.end])).toEqual([[0, 10], [10, 30], [30, 60], [60, 100]]);
    expect(scenarioLength(s)).toBe(100);
  });

  it('carries every setting a phase does not mention over from the phase before', () => {
    expect(c.concept).toBe(6);
    expect(c.covariate).toEqual([{ feature: 'salary', scale: 2, shift: 0 }]);
    expect(d.labels).toEqual({ delay: { events: 4 }, neverShare: 0 });
    expect(b.labels).toEqual({ delay: { seconds: 3 }, neverShare: 0.2 });
  });

  it('blends only within the phase that asks for a transition', () => {
    expect(b.transition).toEqual({ width: 5, shape: 'linear', from: 2 });
    expect(c.transition).toBeUndefined();
  });

  it('fills in "all features" for missing values, and null switches effects off', () => {
    expect(c.missing).toEqual({ share: 0.1, features: names });
    expect(c.prior).toEqual({ positiveShare: 0.7 });
    expect([d.covariate, d.missing, d.prior]).toEqual([[], undefined, undefined]);
  });
});
