import type { ClassLabel, Row } from '../tabular-generator';

/**
 * The ten classification functions of Agrawal et al. (1993), numbered F1–F10 as in the paper and
 * in MOA (River numbers them 0–9). Each returns 1 for the paper's "group A" and 0 otherwise.
 *
 * River's copies differ in three places, and we keep the paper's: F5 compares salary where the
 * paper compares the loan (and uses 75k instead of 100k in its last branch); F7–F10 test
 * disposable > 1 instead of > 0; and River returns 0 for group A in F7–F10 but 1 in F1–F6.
 */
export type AgrawalFunction = (row: Row) => ClassLabel;

const within = (value: number, low: number, high: number): boolean => low <= value && value <= high;
const bit = (condition: boolean): ClassLabel => (condition ? 1 : 0);

/** Young, middle-aged and old applicants each get their own rule in F2–F6. */
function byAgeBand<T>(age: number, young: T, middle: T, old: T): T {
  if (age < 40) return young;
  return age < 60 ? middle : old;
}

/** Income left after the loan and living costs, as F7–F10 define it. */
const income = (r: Row): number => (2 * (r.salary + r.commission)) / 3;

export const AGRAWAL_FUNCTIONS: Readonly<Record<number, AgrawalFunction>> = {
  1: (r) => bit(r.age < 40 || r.age >= 60),
  2: (r) => bit(byAgeBand(r.age, within(r.salary, 50e3, 100e3), within(r.salary, 75e3, 125e3), within(r.salary, 25e3, 75e3))),
  3: (r) => bit(byAgeBand(r.age, r.elevel <= 1, r.elevel >= 1 && r.elevel <= 3, r.elevel >= 2)),
  4: (r) => {
    const [lowLevels, ifLow, otherwise] = byAgeBand<[boolean, [number, number], [number, number]]>(
      r.age,
      [r.elevel <= 1, [25e3, 75e3], [50e3, 100e3]],
      [r.elevel >= 1 && r.elevel <= 3, [50e3, 100e3], [75e3, 125e3]],
      [r.elevel >= 2, [50e3, 100e3], [25e3, 75e3]],
    );
    const [low, high] = lowLevels ? ifLow : otherwise;
    return bit(within(r.salary, low, high));
  },
  5: (r) => {
    const [salaryBand, ifInBand, otherwise] = byAgeBand<[[number, number], [number, number], [number, number]]>(
      r.age,
      [[50e3, 100e3], [100e3, 300e3], [200e3, 400e3]],
      [[75e3, 125e3], [200e3, 400e3], [300e3, 500e3]],
      [[25e3, 75e3], [300e3, 500e3], [100e3, 300e3]],
    );
    const [low, high] = within(r.salary, salaryBand[0], salaryBand[1]) ? ifInBand : otherwise;
    return bit(within(r.loan, low, high));
  },
  6: (r) => {
    const total = r.salary + r.commission;
    return bit(byAgeBand(r.age, within(total, 50e3, 100e3), within(total, 75e3, 125e3), within(total, 25e3, 75e3)));
  },
  7: (r) => bit(income(r) - r.loan / 5 - 20e3 > 0),
  8: (r) => bit(income(r) - 5000 * r.elevel - 20e3 > 0),
  9: (r) => bit(income(r) - 5000 * r.elevel - r.loan / 5 - 10e3 > 0),
  10: (r) => {
    const equity = r.hyears >= 20 ? (r.hvalue * (r.hyears - 20)) / 10 : 0;
    return bit(income(r) - 5000 * r.elevel + equity / 5 - 10e3 > 0);
  },
};

export const AGRAWAL_FUNCTION_IDS: readonly number[] = Object.keys(AGRAWAL_FUNCTIONS).map(Number);
