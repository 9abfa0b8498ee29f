import adFixtures from '../../fixtures/stats/anderson-darling.json';
import binnedFixtures from '../../fixtures/stats/binned.json';
import ksFixtures from '../../fixtures/stats/ks.json';
import wassersteinFixtures from '../../fixtures/stats/wasserstein.json';
import { FixtureSample, numbersOf, relativeError, sampleOf } from '../__tests__/fixture-data';
import { referenceBinEdges } from '../profile/bin-edges';
import { histogramOf, numericalViewFromArray, NumericalView } from '../views';
import { andersonDarlingStatTest } from './anderson-darling.stat-test';
import { chiSquareStatTest } from './chi-square.stat-test';
import { hellingerStatTest } from './hellinger.stat-test';
import { jensenShannonStatTest } from './jensen-shannon.stat-test';
import { klDivergenceStatTest } from './kl-divergence.stat-test';
import { ksStatTest } from './ks.stat-test';
import { lInfinityStatTest } from './l-infinity.stat-test';
import { psiStatTest } from './psi.stat-test';
import { totalVariationStatTest } from './total-variation.stat-test';
import { wassersteinNormedStatTest } from './wasserstein-normed.stat-test';
import { wassersteinStatTest } from './wasserstein.stat-test';
import { zTestStatTest } from './z-test.stat-test';

// Parity with scipy on fixtures made by scripts/generate_stat_fixtures.py:
// statistics to 1e-9 relative, p-values to 1e-6 absolute.
const STAT_TOL = 1e-9;
const P_TOL = 1e-6;

function expectStatistic(actual: number, expected: number, label: string): void {
  expect({ label, ok: relativeError(actual, expected) <= STAT_TOL || Math.abs(actual - expected) <= 1e-15, actual, expected }).toMatchObject({ ok: true });
}

function expectPValue(actual: number | undefined, expected: number, label: string): void {
  expect({ label, ok: actual !== undefined && Math.abs(actual - expected) <= P_TOL, actual, expected }).toMatchObject({ ok: true });
}

describe('KS parity with scipy.stats.ks_2samp (method="auto")', () => {
  it.each(ksFixtures.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = ksStatTest(numbersOf(c.reference as FixtureSample), numbersOf(c.current as FixtureSample));
    expectStatistic(r.score, c.statistic, 'statistic');
    expectPValue(r.pValue, c.pValue, 'p-value');
    expect(r.approximate).toBeUndefined();
  });
});

describe('Wasserstein parity with scipy.stats.wasserstein_distance', () => {
  it.each(wassersteinFixtures.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ref = numbersOf(c.reference as FixtureSample);
    const cur = numbersOf(c.current as FixtureSample);
    expectStatistic(wassersteinStatTest(ref, cur, 1).score, c.wasserstein, 'raw');
    expectStatistic(wassersteinNormedStatTest(ref, cur).score, c.wassersteinNormed, 'normed');
  });
});

describe('Anderson–Darling parity with scipy.stats.anderson_ksamp (midrank)', () => {
  it.each(adFixtures.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = andersonDarlingStatTest(numbersOf(c.reference as FixtureSample), numbersOf(c.current as FixtureSample));
    expectStatistic(r.score, c.statistic, 'statistic');
    expectPValue(r.pValue, c.pValue, 'p-value');
  });
});

describe('binned distances on numerical features (numpy quantile edges)', () => {
  it.each(binnedFixtures.numerical.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ref = numbersOf(c.reference as FixtureSample);
    const cur = numbersOf(c.current as FixtureSample);
    // our edge rule reproduces numpy's quantiles
    const ours = referenceBinEdges(Float64Array.from(ref).sort(), c.bins);
    expect(ours.length).toBe(c.edges.length);
    ours.forEach((e, i) => expect(relativeError(e, c.edges[i]) <= 1e-12).toBe(true));
    // the metrics on scipy's own edges
    const edges = Float64Array.from(c.edges);
    const view = (values: number[]): NumericalView => {
      const v = numericalViewFromArray(values);
      return { ...v, histogram: { edges, counts: histogramOf(v.sorted!, edges) } };
    };
    const refView = view(ref);
    const curView = view(cur);
    expect(Array.from(refView.histogram!.counts)).toEqual(c.referenceCounts);
    expect(Array.from(curView.histogram!.counts)).toEqual(c.currentCounts);
    expectStatistic(psiStatTest(refView, curView).score, c.psi, 'psi');
    expectStatistic(klDivergenceStatTest(refView, curView).score, c.klDivergence, 'kl');
    expectStatistic(jensenShannonStatTest(refView, curView).score, c.jensenShannon, 'js');
    expectStatistic(hellingerStatTest(refView, curView).score, c.hellinger, 'hellinger');
    expectStatistic(totalVariationStatTest(refView, curView).score, c.totalVariation, 'tvd');
    expectStatistic(lInfinityStatTest(refView, curView).score, c.lInfinity, 'linf');
    // and raw arrays through the library's own binning give the same PSI
    expectStatistic(psiStatTest(ref, cur).score, c.psi, 'psi from raw values');
  });
});

describe('categorical tests and distances (scipy chi2_contingency, pooled z-test)', () => {
  it.each(binnedFixtures.categorical.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ref = sampleOf(c.reference as FixtureSample);
    const cur = sampleOf(c.current as FixtureSample);
    expectStatistic(psiStatTest(ref, cur).score, c.psi, 'psi');
    expectStatistic(klDivergenceStatTest(ref, cur).score, c.klDivergence, 'kl');
    expectStatistic(jensenShannonStatTest(ref, cur).score, c.jensenShannon, 'js');
    expectStatistic(hellingerStatTest(ref, cur).score, c.hellinger, 'hellinger');
    expectStatistic(totalVariationStatTest(ref, cur).score, c.totalVariation, 'tvd');
    expectStatistic(lInfinityStatTest(ref, cur).score, c.lInfinity, 'linf');
    const chi = chiSquareStatTest(ref, cur);
    expectStatistic(chi.score, c.chiSquare.statistic, 'chi-square statistic');
    expectPValue(chi.pValue, c.chiSquare.pValue, 'chi-square p-value');
    if ('zTest' in c && c.zTest !== undefined) {
      const z = zTestStatTest(ref, cur);
      expectStatistic(z.score, c.zTest.statistic, 'z statistic');
      expectPValue(z.pValue, c.zTest.pValue, 'z p-value');
    }
  });
});
