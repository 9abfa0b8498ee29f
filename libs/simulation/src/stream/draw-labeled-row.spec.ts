import { PriorShiftUnreachableError } from '../errors/prior-shift-unreachable.error';
import { createAgrawalGenerator } from '../generators/agrawal/agrawal.generator';
import { createSeaGenerator } from '../generators/sea/sea.generator';
import { createRandom } from '../random/seeded-random';
import type { ResolvedPhase } from '../scenario/resolve-phases';
import { drawLabeledRow } from './draw-labeled-row';
import { forkRandomStreams } from './random-streams';

const phase = (overrides: Partial<ResolvedPhase>): ResolvedPhase => ({
  name: 'p',
  start: 0,
  end: 100,
  concept: 1,
  covariate: [],
  labels: { delay: { events: 0 }, neverShare: 0 },
  ...overrides,
});

describe('drawLabeledRow', () => {
  it('rounds shifted whole-number attributes back to whole numbers, and keeps numeric ones exact', () => {
    const generator = createAgrawalGenerator();
    const rng = forkRandomStreams(createRandom(1));
    const shifted = phase({ concept: 2, covariate: [{ feature: 'age', scale: 1.1, shift: 0.3 }, { feature: 'loan', scale: 0.5, shift: 0.25 }] });
    for (let i = 0; i < 200; i++) {
      const row = drawLabeledRow(generator, shifted, i, rng);
      expect(Number.isInteger(row.clean.age)).toBe(true);
      expect(row.observed).toEqual(row.clean);
    }
  });

  it('perturbs what the model sees but labels the clean values', () => {
    const generator = createAgrawalGenerator({ perturbation: 0.3 });
    const rng = forkRandomStreams(createRandom(2));
    const rows = Array.from({ length: 300 }, (_, i) => drawLabeledRow(generator, phase({ concept: 7 }), i, rng));
    expect(rows.every((r) => generator.label(7, r.clean) === r.label)).toBe(true);
    expect(rows.filter((r) => r.observed.salary !== r.clean.salary).length).toBeGreaterThan(290);
  });

  it('fails with the phase name when a prior shift asks for a class the concept cannot produce', () => {
    // Shifting att1 by +100 puts every row above every SEA threshold: class 0 never comes up.
    const impossible = phase({ name: 'all-ones', covariate: [{ feature: 'att1', scale: 1, shift: 100 }], prior: { positiveShare: 0 } });
    const rng = forkRandomStreams(createRandom(3));
    expect(() => drawLabeledRow(createSeaGenerator(), impossible, 0, rng)).toThrow(PriorShiftUnreachableError);
    expect(() => drawLabeledRow(createSeaGenerator(), impossible, 0, rng)).toThrow(/phase "all-ones": no row of class 0 in 100000 draws/);
  });
});
