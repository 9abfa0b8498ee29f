import fixtures from '../../fixtures/stats/special-functions.json';
import { chiSquareSf, normalSf } from './distributions';
import { logGamma } from './gamma';
import { kolmogorovSf, smirnovSf } from './kolmogorov';

// Golden values from scipy (scripts/generate_stat_fixtures.py). The parity bar is 1e-6 absolute
// for p-values; these assert far tighter (kstwo 1e-10; smirnov 1e-8, where both sides round).
describe('special functions vs scipy', () => {
  it.each(fixtures.lgamma)('lgamma($x)', ({ x, lgamma }) => {
    expect(Math.abs(logGamma(x) - lgamma)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(lgamma)));
  });

  it('chi-square survival function', () => {
    for (const { x, df, sf } of fixtures.chi2) {
      const got = chiSquareSf(x, df);
      expect([x, df, Math.abs(got - sf) <= 1e-12 + 1e-9 * sf]).toEqual([x, df, true]);
    }
  });

  it('normal survival function', () => {
    for (const { z, sf } of fixtures.normalSf) {
      expect([z, Math.abs(normalSf(z) - sf) <= 1e-15 + 1e-12 * sf]).toEqual([z, true]);
    }
  });

  it('one-sided Smirnov distribution (scipy.special.smirnov)', () => {
    for (const { n, x, smirnov } of fixtures.kolmogorov) {
      const got = smirnovSf(n, x);
      expect([n, x, Math.abs(got - smirnov) <= 1e-8]).toEqual([n, x, true]);
    }
  });

  it('two-sided Kolmogorov distribution (scipy.stats.kstwo.sf)', () => {
    for (const { n, x, sf } of fixtures.kolmogorov) {
      const got = kolmogorovSf(n, x);
      expect([n, x, got, Math.abs(got - sf) <= 1e-10]).toEqual([n, x, got, true]);
    }
  });
});
