import type { RandomSource } from '../../random/random-source';
import type { FeatureSpec, Row } from '../tabular-generator';

/**
 * The nine attributes of Agrawal, Imielinski and Swami, "Database Mining: A Performance
 * Perspective" (IEEE TKDE 5(6), 1993), in the order River and MOA emit them.
 */
export const AGRAWAL_FEATURES: readonly FeatureSpec[] = [
  { name: 'salary', kind: 'numeric', min: 20_000, max: 150_000, description: 'uniform 20k–150k' },
  { name: 'commission', kind: 'numeric', min: 0, max: 75_000, description: '0 if salary ≥ 75k, else uniform 10k–75k' },
  { name: 'age', kind: 'integer', min: 20, max: 80, description: 'uniform integer 20–80' },
  { name: 'elevel', kind: 'categorical', min: 0, max: 4, description: 'education level, uniform 0–4' },
  { name: 'car', kind: 'categorical', min: 1, max: 20, description: 'make of car, uniform 1–20' },
  { name: 'zipcode', kind: 'categorical', min: 0, max: 8, description: 'zip code, uniform 0–8' },
  { name: 'hvalue', kind: 'numeric', min: 50_000, max: 1_350_000, description: 'house value, uniform k·50k–k·150k with k = 9 − zipcode' },
  { name: 'hyears', kind: 'integer', min: 1, max: 30, description: 'years house owned, uniform integer 1–30' },
  { name: 'loan', kind: 'numeric', min: 0, max: 500_000, description: 'total loan, uniform 0–500k' },
];

/** Commission is paid only below this salary. */
export const AGRAWAL_COMMISSION_SALARY_LIMIT = 75_000;

/** The zipcode's house-value factor k: house values lie in [0.5k, 1.5k] × 100k. */
export function houseValueFactor(zipcode: number): number {
  return 9 - zipcode;
}

/**
 * Draws one row from the published distributions. Where River departs from the paper we follow
 * the paper (and MOA): commission is uniform in 10k–75k (River draws 10k–85k), and the house
 * value factor is 9 − zipcode (River uses 8 − zipcode, which gives zipcode 8 a house value of 0).
 */
export function sampleAgrawalAttributes(rng: RandomSource): Row {
  const salary = rng.uniform(20_000, 150_000);
  const commission = salary >= AGRAWAL_COMMISSION_SALARY_LIMIT ? 0 : rng.uniform(10_000, 75_000);
  const age = rng.int(20, 80);
  const elevel = rng.int(0, 4);
  const car = rng.int(1, 20);
  const zipcode = rng.int(0, 8);
  const hvalue = houseValueFactor(zipcode) * 100_000 * rng.uniform(0.5, 1.5);
  const hyears = rng.int(1, 30);
  const loan = rng.uniform(0, 500_000);
  return { salary, commission, age, elevel, car, zipcode, hvalue, hyears, loan };
}
