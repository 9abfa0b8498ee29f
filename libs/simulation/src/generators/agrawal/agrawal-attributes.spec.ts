import reference from '../../__fixtures__/river-reference-stats.json';
import { createRandom } from '../../random/seeded-random';
import { mean, proportionTolerance, share, std } from '../../__test-support__/statistics';
import type { Row } from '../tabular-generator';
import { AGRAWAL_FEATURES, sampleAgrawalAttributes } from './agrawal-attributes';

const N = 100_000;
const rng = createRandom(11);
const rows: Row[] = Array.from({ length: N }, () => sampleAgrawalAttributes(rng));
const values = (name: string) => rows.map((r) => r[name]);
const river = reference.agrawal.riverStream;
type RiverAttribute = keyof typeof river;

/** Means agree within 4 standard errors of the difference of two sample means. */
function expectSameMean(name: string, riverStats: { mean: number; std: number }) {
  const tolerance = 4 * riverStats.std * Math.sqrt(1 / N + 1 / reference.samples);
  expect(Math.abs(mean(values(name)) - riverStats.mean)).toBeLessThan(tolerance);
  expect(std(values(name)) / riverStats.std).toBeCloseTo(1, 1);
}

describe('Agrawal attributes', () => {
  it('keeps every attribute within its published range and reaches both ends', () => {
    for (const spec of AGRAWAL_FEATURES) {
      const v = values(spec.name);
      const width = spec.max - spec.min;
      expect(Math.min(...v)).toBeGreaterThanOrEqual(spec.min);
      expect(Math.max(...v)).toBeLessThanOrEqual(spec.max);
      // Commission's lower end is its 0 for high earners; the draws reach within 0.5% of each end.
      expect(Math.min(...v) - spec.min).toBeLessThanOrEqual(width * 0.005);
      expect(spec.max - Math.max(...v)).toBeLessThanOrEqual(width * 0.005);
    }
  });

  it('draws integer and categorical attributes as whole numbers', () => {
    for (const spec of AGRAWAL_FEATURES.filter((f) => f.kind !== 'numeric')) {
      expect(values(spec.name).every(Number.isInteger)).toBe(true);
    }
  });

  it('pays commission (10k–75k) exactly when salary is below 75k', () => {
    const broken = rows.filter((r) => (r.salary >= 75_000 ? r.commission !== 0 : r.commission < 10_000 || r.commission > 75_000));
    expect(broken).toEqual([]);
    // E[commission] = P(salary < 75k) × 42.5k = 55/130 × 42.5k
    const expected = (55 / 130) * 42_500;
    expect(Math.abs(mean(values('commission')) - expected) / expected).toBeLessThan(0.01);
  });

  it('draws house value within the zipcode band [0.5k, 1.5k] × 100k, k = 9 − zipcode', () => {
    const outside = rows.filter((r) => r.hvalue < 50_000 * (9 - r.zipcode) || r.hvalue > 150_000 * (9 - r.zipcode));
    expect(outside).toEqual([]);
    // E[hvalue] = E[k] × 100k = 500k
    expect(Math.abs(mean(values('hvalue')) - 500_000) / 500_000).toBeLessThan(0.01);
  });

  it.each(['salary', 'age', 'hyears', 'loan', 'elevel', 'car', 'zipcode'])('%s agrees with River in mean and spread', (name) => {
    expectSameMean(name, river[name as RiverAttribute]);
  });

  it.each(['elevel', 'car', 'zipcode'])('%s category frequencies agree with River', (name) => {
    const frequencies = (river[name as RiverAttribute] as { frequencies: Record<string, number> }).frequencies;
    for (const [category, riverShare] of Object.entries(frequencies)) {
      const ours = share(values(name), (v) => v === Number(category));
      expect(Math.abs(ours - riverShare)).toBeLessThan(proportionTolerance(riverShare, Math.min(N, reference.samples)) * Math.SQRT2);
    }
  });
});
