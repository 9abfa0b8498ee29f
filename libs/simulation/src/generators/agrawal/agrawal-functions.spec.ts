import reference from '../../__fixtures__/river-reference-stats.json';
import { createRandom } from '../../random/seeded-random';
import { proportionTolerance, share } from '../../__test-support__/statistics';
import type { Row } from '../tabular-generator';
import { sampleAgrawalAttributes } from './agrawal-attributes';
import { AGRAWAL_FUNCTION_IDS, AGRAWAL_FUNCTIONS } from './agrawal-functions';

const N = 100_000;
const rng = createRandom(12);
const rows: Row[] = Array.from({ length: N }, () => sampleAgrawalAttributes(rng));
const groupAShare = (f: number) => share(rows, (r) => AGRAWAL_FUNCTIONS[f](r) === 1);

/** A row with every attribute set to something neutral, for hand-checked cases. */
const applicant = (overrides: Partial<Row>): Row => ({
  salary: 60_000,
  commission: 20_000,
  age: 45,
  elevel: 2,
  car: 5,
  zipcode: 4,
  hvalue: 500_000,
  hyears: 10,
  loan: 150_000,
  ...overrides,
});

describe('Agrawal classification functions', () => {
  it('are the ten functions F1–F10', () => {
    expect(AGRAWAL_FUNCTION_IDS).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  // River's F5 compares salary against loan bounds (see agrawal-functions.ts); it is checked
  // against its exact value below instead.
  it.each([1, 2, 3, 4, 6, 7, 8, 9, 10])('F%i gives group A as often as River’s function does', (f) => {
    const riverShare = reference.agrawal.groupAShareByFunction[String(f) as keyof typeof reference.agrawal.groupAShareByFunction];
    expect(Math.abs(groupAShare(f) - riverShare)).toBeLessThan(proportionTolerance(riverShare, N) * Math.SQRT2);
  });

  it('matches the exact class balance where the paper makes it easy to derive', () => {
    const tolerance = proportionTolerance(0.5, N);
    expect(Math.abs(groupAShare(1) - 41 / 61)).toBeLessThan(tolerance); // ages 20–39 and 60–80 of 20–80
    expect(Math.abs(groupAShare(2) - 50 / 130)).toBeLessThan(tolerance); // a 50k salary band in 20k–150k, whatever the age
    expect(Math.abs(groupAShare(4) - 50 / 130)).toBeLessThan(tolerance); // idem, whatever the education
    expect(Math.abs(groupAShare(5) - 0.4)).toBeLessThan(tolerance); // a 200k loan band in 0–500k, whatever the salary
  });

  it.each([
    // [function, row, group A?]
    [1, { age: 39 }, 1],
    [1, { age: 40 }, 0],
    [1, { age: 60 }, 1],
    [2, { age: 30, salary: 50_000 }, 1],
    [2, { age: 30, salary: 100_001 }, 0],
    [2, { age: 65, salary: 75_000 }, 1],
    [3, { age: 45, elevel: 0 }, 0],
    [3, { age: 65, elevel: 4 }, 1],
    [4, { age: 30, elevel: 1, salary: 30_000 }, 1],
    [4, { age: 30, elevel: 2, salary: 30_000 }, 0],
    [5, { age: 30, salary: 60_000, loan: 250_000 }, 1],
    [5, { age: 30, salary: 120_000, loan: 250_000 }, 1],
    [5, { age: 30, salary: 120_000, loan: 150_000 }, 0],
    [5, { age: 70, salary: 100_000, loan: 120_000 }, 1],
    [6, { age: 30, salary: 40_000, commission: 20_000 }, 1],
    [6, { age: 30, salary: 40_000, commission: 0 }, 0],
    // F7: 2/3 × 80k − 150k/5 − 20k = 3333 > 0
    [7, {}, 1],
    [7, { loan: 170_000 }, 0],
    // F8: 2/3 × 80k − 10k − 20k = 23333 > 0
    [8, {}, 1],
    [8, { salary: 20_000, commission: 10_000 }, 0],
    // F9: 2/3 × 80k − 10k − 30k − 10k = 3333 > 0
    [9, {}, 1],
    [9, { elevel: 4 }, 0],
    // F10: equity counts only after 20 years: 500k × 5 / 10 = 250k, of which a fifth is income.
    [10, { salary: 20_000, commission: 0, elevel: 4, hyears: 25 }, 1],
    [10, { salary: 20_000, commission: 0, elevel: 4, hyears: 19 }, 0],
  ])('F%i labels %j as %i', (f, overrides, expected) => {
    expect(AGRAWAL_FUNCTIONS[f](applicant(overrides))).toBe(expected);
  });
});
