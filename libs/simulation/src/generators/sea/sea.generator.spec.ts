import reference from '../../__fixtures__/river-reference-stats.json';
import { createRandom } from '../../random/seeded-random';
import { mean, proportionTolerance, share, std } from '../../__test-support__/statistics';
import { SEA_THRESHOLDS, createSeaGenerator } from './sea.generator';

const N = 100_000;

function sample(variant: number, noise: number) {
  const generator = createSeaGenerator({ noise });
  const rng = createRandom(21);
  const noiseRng = createRandom(22);
  return Array.from({ length: N }, () => {
    const row = generator.sample(rng);
    return { row, label: generator.noisyLabel(generator.label(variant, row), noiseRng) };
  });
}

/** P(att1 + att2 > θ) for two independent uniforms on [0, 10]. */
function exactPositiveShare(threshold: number): number {
  return threshold <= 10 ? 1 - threshold ** 2 / 200 : (20 - threshold) ** 2 / 200;
}

describe('SEA concepts', () => {
  it('has the thresholds 8, 9, 7 and 9.5', () => {
    expect(SEA_THRESHOLDS).toEqual({ 1: 8, 2: 9, 3: 7, 4: 9.5 });
  });

  const clean = sample(1, 0);

  it('draws three attributes uniform in [0, 10], like River', () => {
    for (const name of ['att1', 'att2', 'att3']) {
      const values = clean.map((s) => s.row[name]);
      const river = reference.sea.variant1_noise0.attributes[name as 'att1'];
      expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...values)).toBeLessThan(10);
      expect(Math.abs(mean(values) - river.mean)).toBeLessThan(4 * river.std * Math.sqrt(2 / N));
      expect(std(values)).toBeCloseTo(10 / Math.sqrt(12), 1);
    }
  });

  it.each([1, 2, 3, 4])('variant %i labels exactly att1 + att2 > θ, with River’s class balance', (variant) => {
    const rows = variant === 1 ? clean : sample(variant, 0);
    const threshold = SEA_THRESHOLDS[variant];
    expect(rows.filter(({ row, label }) => label !== (row.att1 + row.att2 > threshold ? 1 : 0))).toEqual([]);
    const ours = share(rows, (r) => r.label === 1);
    const river = reference.sea[`variant${variant}_noise0` as 'variant1_noise0'].positiveShare;
    expect(Math.abs(ours - river)).toBeLessThan(proportionTolerance(river, N) * Math.SQRT2);
    expect(Math.abs(ours - exactPositiveShare(threshold))).toBeLessThan(proportionTolerance(river, N));
  });

  it.each([1, 2, 3, 4])('variant %i with 10%% noise flips labels as River does', (variant) => {
    const rows = sample(variant, 0.1);
    const ours = share(rows, (r) => r.label === 1);
    const river = reference.sea[`variant${variant}_noise0.1` as 'variant1_noise0.1'].positiveShare;
    expect(Math.abs(ours - river)).toBeLessThan(proportionTolerance(river, N) * Math.SQRT2);
    const p = exactPositiveShare(SEA_THRESHOLDS[variant]);
    expect(Math.abs(ours - (0.9 * p + 0.1 * (1 - p)))).toBeLessThan(proportionTolerance(p, N));
  });

  it('rejects an unknown variant and a noise outside [0, 1]', () => {
    expect(() => createSeaGenerator().label(5, { att1: 1, att2: 1, att3: 1 })).toThrow(/variants 1, 2, 3, 4; got 5/);
    expect(() => createSeaGenerator({ noise: 1.5 })).toThrow(RangeError);
  });
});
