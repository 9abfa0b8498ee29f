import type { TrainingExample } from '@mlops/model';

/**
 * A seeded Agrawal-like loan table for the benchmark: the nine attributes with their published
 * ranges and the label of classification function 1 (a rule on age and salary). Written for
 * this benchmark from the function's definition; libs/simulation has the full generator.
 */
export function agrawalTable(rows: number, seed: number): TrainingExample[] {
  const random = mulberry32(seed);
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * random();
  const integer = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  return Array.from({ length: rows }, () => {
    const salary = uniform(20_000, 150_000);
    const commission = salary >= 75_000 ? 0 : uniform(10_000, 75_000);
    const age = integer(20, 80);
    const elevel = integer(0, 4);
    const car = integer(1, 20);
    const zipcode = integer(0, 8);
    const hvalue = uniform(0.5, 1.5) * (9 - zipcode) * 100_000;
    const hyears = integer(1, 30);
    const loan = uniform(0, 500_000);
    return {
      features: { salary, commission, age, elevel, car, zipcode, hvalue, hyears, loan },
      label: functionOne(age, salary) ? 'A' : 'B',
    };
  });
}

/** Agrawal function 1: group A by salary band, the band depending on the age band. */
function functionOne(age: number, salary: number): boolean {
  if (age < 40) return salary >= 50_000 && salary <= 100_000;
  if (age < 60) return salary >= 75_000 && salary <= 125_000;
  return salary >= 25_000 && salary <= 75_000;
}

/** elevel, car and zipcode are codes, not quantities. */
export const AGRAWAL_FEATURES = [
  { name: 'elevel', type: 'categorical' },
  { name: 'car', type: 'categorical' },
  { name: 'zipcode', type: 'categorical' },
] as const;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
