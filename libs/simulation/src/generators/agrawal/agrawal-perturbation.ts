import type { RandomSource } from '../../random/random-source';
import type { Row } from '../tabular-generator';
import { houseValueFactor } from './agrawal-attributes';

/**
 * Moves a value by up to ±fraction × range, uniformly, and clamps it to [min, max]: the
 * perturbation of MOA's Agrawal generator (after the public C code of the paper's authors).
 */
function perturbValue(rng: RandomSource, fraction: number, value: number, min: number, max: number, range = max - min): number {
  const moved = value + range * (2 * rng.next() - 1) * fraction;
  return Math.min(max, Math.max(min, moved));
}

/**
 * Attribute noise applied after the row was labeled, so the label belongs to the clean values:
 * a learner sees noisy inputs for an exact concept. Categorical attributes are left alone.
 *
 * The house value moves within its zipcode's band (range k·100k, clamped to [0.5k, 1.5k]·100k).
 * MOA clamps it to [0, 135 000], below most house values (a dropped zero, it seems), and River
 * passes the arguments in the wrong order, which pins it to a bound; neither is kept.
 */
export function perturbAgrawalRow(row: Row, fraction: number, rng: RandomSource): Row {
  if (fraction <= 0) return row;
  const k = houseValueFactor(row.zipcode);
  return {
    ...row,
    salary: perturbValue(rng, fraction, row.salary, 20_000, 150_000),
    commission: row.commission > 0 ? perturbValue(rng, fraction, row.commission, 10_000, 75_000) : 0,
    age: Math.round(perturbValue(rng, fraction, row.age, 20, 80)),
    hvalue: perturbValue(rng, fraction, row.hvalue, 50_000 * k, 150_000 * k, 100_000 * k),
    hyears: Math.round(perturbValue(rng, fraction, row.hyears, 1, 30)),
    loan: perturbValue(rng, fraction, row.loan, 0, 500_000),
  };
}
