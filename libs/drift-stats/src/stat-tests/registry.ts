import { UnknownStatTestError } from '../errors';
import type { FeatureType } from '../profile/feature-schema';
import { andersonDarlingMeta, andersonDarlingStatTest } from './anderson-darling.stat-test';
import { chiSquareMeta, chiSquareStatTest } from './chi-square.stat-test';
import { hellingerMeta, hellingerStatTest } from './hellinger.stat-test';
import { jensenShannonMeta, jensenShannonStatTest } from './jensen-shannon.stat-test';
import { klDivergenceMeta, klDivergenceStatTest } from './kl-divergence.stat-test';
import { ksMeta, ksStatTest } from './ks.stat-test';
import { lInfinityMeta, lInfinityStatTest } from './l-infinity.stat-test';
import { psiMeta, psiStatTest } from './psi.stat-test';
import type { StatMethod, StatTest } from './stat-test.types';
import { totalVariationMeta, totalVariationStatTest } from './total-variation.stat-test';
import { wassersteinNormedMeta, wassersteinNormedStatTest } from './wasserstein-normed.stat-test';
import { wassersteinMeta, wassersteinStatTest } from './wasserstein.stat-test';
import { zTestMeta, zTestStatTest } from './z-test.stat-test';

const BUILT_IN: readonly StatTest[] = [
  { meta: ksMeta, run: ksStatTest },
  { meta: wassersteinMeta, run: wassersteinStatTest },
  { meta: wassersteinNormedMeta, run: wassersteinNormedStatTest },
  { meta: andersonDarlingMeta, run: andersonDarlingStatTest },
  { meta: psiMeta, run: psiStatTest },
  { meta: jensenShannonMeta, run: jensenShannonStatTest },
  { meta: klDivergenceMeta, run: klDivergenceStatTest },
  { meta: hellingerMeta, run: hellingerStatTest },
  { meta: chiSquareMeta, run: chiSquareStatTest },
  { meta: zTestMeta, run: zTestStatTest },
  { meta: lInfinityMeta, run: lInfinityStatTest },
  { meta: totalVariationMeta, run: totalVariationStatTest },
];

/** Every registered stat test by method name: the one place a method is looked up. */
export const STAT_TESTS: ReadonlyMap<StatMethod, StatTest> = new Map(BUILT_IN.map((t) => [t.meta.method, t]));

export const STAT_METHODS: readonly StatMethod[] = BUILT_IN.map((t) => t.meta.method);

export function isStatMethod(method: string): method is StatMethod {
  return STAT_TESTS.has(method as StatMethod);
}

/** The stat test for a method; throws UnknownStatTestError (naming the feature) otherwise. */
export function getStatTest(method: string, feature?: string): StatTest {
  const test = STAT_TESTS.get(method as StatMethod);
  if (test === undefined) throw new UnknownStatTestError(method, STAT_METHODS, feature);
  return test;
}

/** Registered tests that accept a feature type. */
export function statTestsFor(type: FeatureType): StatTest[] {
  return BUILT_IN.filter((t) => t.meta.featureTypes.includes(type));
}
