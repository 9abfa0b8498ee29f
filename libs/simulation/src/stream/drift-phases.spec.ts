import { AGRAWAL_FEATURES } from '../generators/agrawal/agrawal-attributes';
import { AGRAWAL_FUNCTIONS } from '../generators/agrawal/agrawal-functions';
import type { PredictionRecord } from './simulation-record';
import { column, predictions, run, scenario } from '../__test-support__/scenario-builder';
import { ksCritical, ksStatistic, mean, proportionTolerance, share } from '../__test-support__/statistics';

/**
 * Each kind of drift must move what it claims to and nothing else. "Moves" and "stays" are
 * judged with the two-sample KS statistic at significance 0.001 between the phase before and
 * the phase with the change (5000 events each), and with exact row-by-row comparisons where
 * the same seed makes them possible.
 */
const PHASE = 5000;
const FEATURES = AGRAWAL_FEATURES.map((f) => f.name);

function twoPhases(change: Record<string, unknown>) {
  const s = scenario({
    phases: [
      { name: 'before', events: PHASE, concept: 2 },
      { name: 'after', events: PHASE, ...change },
    ],
  });
  const ps = predictions(run(s, { seed: 31 }));
  return { before: ps.filter((p) => p.phase === 'before'), after: ps.filter((p) => p.phase === 'after') };
}

const moved = (before: PredictionRecord[], after: PredictionRecord[], feature: string) =>
  ksStatistic(column(before, feature), column(after, feature)) > ksCritical(before.length, after.length);

const followsConcept = (p: PredictionRecord, concept: number) => AGRAWAL_FUNCTIONS[concept](p.truth.features) === p.truth.label;

describe('concept drift (abrupt)', () => {
  const { before, after } = twoPhases({ concept: 6 });

  it('changes P(y | x): every label follows the new function', () => {
    expect(before.every((p) => followsConcept(p, 2))).toBe(true);
    expect(after.every((p) => followsConcept(p, 6))).toBe(true);
    // F2 and F6 disagree on about 29% of rows: the old rule now misses that many.
    expect(share(after, (p) => followsConcept(p, 2))).toBeCloseTo(0.71, 1);
  });

  it('leaves P(x) alone', () => {
    expect(FEATURES.filter((f) => moved(before, after, f))).toEqual([]);
  });
});

describe('concept drift (gradual)', () => {
  const { before, after } = twoPhases({ concept: 6, transition: { width: 2000, shape: 'linear' } });
  const newShare = (from: number, to: number) => share(after.slice(from, to), (p) => p.truth.concept === 6);

  it('hands over from the old concept to the new one across the width', () => {
    expect(newShare(0, 200)).toBeLessThan(0.1);
    expect(newShare(900, 1100)).toBeCloseTo(0.5, 1);
    expect(newShare(1800, 2000)).toBeGreaterThan(0.9);
    expect(newShare(2000, PHASE)).toBe(1);
    expect(after.every((p) => followsConcept(p, p.truth.concept))).toBe(true);
  });

  it('leaves P(x) alone', () => {
    expect(FEATURES.filter((f) => moved(before, after, f))).toEqual([]);
  });
});

describe('covariate shift', () => {
  const shift = { feature: 'salary', scale: 1.25, shift: 5000 };
  const { before, after } = twoPhases({ covariate: [shift] });
  const unshifted = twoPhases({}).after;

  it('moves the shifted feature and only that one', () => {
    expect(FEATURES.filter((f) => moved(before, after, f))).toEqual(['salary']);
    expect(mean(column(after, 'salary')) / mean(column(before, 'salary'))).toBeCloseTo(1.25 + 5000 / 85_000, 1);
  });

  it('is exactly x × scale + shift on the rows the same seed draws without it', () => {
    after.forEach((p, i) => {
      const base = unshifted[i].event.features;
      expect(p.event.features.salary).toBeCloseTo((base.salary as number) * 1.25 + 5000, 6);
      expect({ ...p.event.features, salary: 0 }).toEqual({ ...base, salary: 0 });
    });
  });

  it('keeps P(y | x): the concept labels the shifted values', () => {
    expect(after.every((p) => followsConcept(p, 2))).toBe(true);
    expect(after.every((p) => p.event.features.salary === p.truth.features.salary)).toBe(true);
  });
});

describe('prior shift', () => {
  const { before, after } = twoPhases({ prior: { positiveShare: 0.75 } });
  const positive = (ps: PredictionRecord[]) => ps.filter((p) => p.truth.label === 1);
  const negative = (ps: PredictionRecord[]) => ps.filter((p) => p.truth.label === 0);

  it('moves P(y) to the target share', () => {
    expect(share(before, (p) => p.truth.label === 1)).toBeCloseTo(50 / 130, 1);
    expect(Math.abs(share(after, (p) => p.truth.label === 1) - 0.75)).toBeLessThan(proportionTolerance(0.75, PHASE));
  });

  it('keeps P(x | y) and P(y | x)', () => {
    for (const f of FEATURES) {
      expect([f, moved(positive(before), positive(after), f)]).toEqual([f, false]);
      expect([f, moved(negative(before), negative(after), f)]).toEqual([f, false]);
    }
    expect(after.every((p) => followsConcept(p, 2))).toBe(true);
  });
});

describe('missing values', () => {
  const { before, after } = twoPhases({ missing: { share: 0.3, features: ['commission', 'car'] } });
  const complete = twoPhases({}).after;
  const missingShare = (f: string) => share(after, (p) => p.event.features[f] === null);

  it('blanks the listed features at the given rate and no others', () => {
    for (const f of ['commission', 'car']) expect(Math.abs(missingShare(f) - 0.3)).toBeLessThan(proportionTolerance(0.3, PHASE));
    expect(FEATURES.filter((f) => f !== 'commission' && f !== 'car' && missingShare(f) > 0)).toEqual([]);
    expect(before.some((p) => Object.values(p.event.features).includes(null))).toBe(false);
  });

  it('keeps the values that remain, and the labels, exactly as without missing values', () => {
    after.forEach((p, i) => {
      for (const [name, value] of Object.entries(p.event.features)) {
        if (value !== null) expect(value).toBe(complete[i].event.features[name]);
      }
      expect(p.truth).toEqual(complete[i].truth);
    });
    expect(FEATURES.filter((f) => moved(before, after, f))).toEqual([]);
  });
});

describe('SEA concept drift', () => {
  it('follows each threshold in turn, with P(x) unchanged', () => {
    const s = scenario({
      generator: { type: 'sea' },
      phases: [1, 2, 3, 4].map((variant) => ({ name: `v${variant}`, events: PHASE, concept: variant })),
    });
    const ps = predictions(run(s, { seed: 4 }));
    const phase = (name: string) => ps.filter((p) => p.phase === name);
    const expected = { v1: 0.68, v2: 0.595, v3: 0.755, v4: 0.54875 };
    for (const [name, p] of Object.entries(expected)) {
      expect(Math.abs(share(phase(name), (r) => r.truth.label === 1) - p)).toBeLessThan(proportionTolerance(p, PHASE));
    }
    for (const f of ['att1', 'att2', 'att3']) expect(moved(phase('v1'), phase('v4'), f)).toBe(false);
  });
});
