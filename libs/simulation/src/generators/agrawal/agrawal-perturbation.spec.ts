import reference from '../../__fixtures__/river-reference-stats.json';
import { createRandom } from '../../random/seeded-random';
import { mean, std } from '../../__test-support__/statistics';
import { AGRAWAL_FEATURES, sampleAgrawalAttributes } from './agrawal-attributes';
import { createAgrawalGenerator } from './agrawal.generator';

const N = 100_000;

function perturbedRows(fraction: number) {
  const generator = createAgrawalGenerator({ perturbation: fraction });
  const rng = createRandom(13);
  const noise = createRandom(14);
  return Array.from({ length: N }, () => {
    const clean = sampleAgrawalAttributes(rng);
    return { clean, perturbed: generator.perturb(clean, noise) };
  });
}

describe('Agrawal perturbation', () => {
  it('is the identity at 0', () => {
    for (const { clean, perturbed } of perturbedRows(0).slice(0, 100)) expect(perturbed).toEqual(clean);
  });

  const rows = perturbedRows(0.2);

  it('moves numeric values by at most fraction × range and keeps them in range', () => {
    const tooFar = rows.filter(
      ({ clean, perturbed }) =>
        Math.abs(perturbed.salary - clean.salary) > 0.2 * 130_000 + 1e-6 ||
        Math.abs(perturbed.loan - clean.loan) > 0.2 * 500_000 + 1e-6 ||
        Math.abs(perturbed.age - clean.age) > Math.round(0.2 * 60),
    );
    expect(tooFar).toEqual([]);
    const outOfRange = rows.filter(({ perturbed }) => AGRAWAL_FEATURES.some((f) => perturbed[f.name] < f.min || perturbed[f.name] > f.max));
    expect(outOfRange).toEqual([]);
  });

  it('leaves categories, whole-number attributes and the no-commission rule intact', () => {
    const broken = rows.filter(({ clean, perturbed }) => {
      const k = 9 - clean.zipcode;
      return (
        perturbed.elevel !== clean.elevel ||
        perturbed.car !== clean.car ||
        perturbed.zipcode !== clean.zipcode ||
        !Number.isInteger(perturbed.age) ||
        !Number.isInteger(perturbed.hyears) ||
        (clean.commission === 0 && perturbed.commission !== 0) ||
        perturbed.hvalue < 50_000 * k ||
        perturbed.hvalue > 150_000 * k
      );
    });
    expect(broken).toEqual([]);
    expect(rows.filter(({ clean, perturbed }) => clean.salary !== perturbed.salary).length).toBeGreaterThan(N * 0.99);
  });

  it.each(['salary', 'age', 'hyears', 'loan'] as const)('gives %s the same distribution as River’s perturbation 0.2', (name) => {
    const river = reference.agrawal.riverStreamPerturbed20[name];
    const ours = rows.map((r) => r.perturbed[name]);
    expect(Math.abs(mean(ours) - river.mean)).toBeLessThan(4 * river.std * Math.sqrt(2 / N));
    expect(std(ours) / river.std).toBeCloseTo(1, 1);
    expect([Math.min(...ours), Math.max(...ours)]).toEqual([river.min, river.max]);
  });
});
