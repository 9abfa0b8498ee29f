export type {
  StatMethod,
  StatTestResult,
  StatTestOptions,
  StatTestMeta,
  StatTestFunction,
  StatTest,
  DecisionBasis,
} from './stat-test.types';
export { STAT_TESTS, STAT_METHODS, getStatTest, isStatMethod, statTestsFor } from './registry';
export { ksStatTest, ksMeta } from './ks.stat-test';
export { wassersteinStatTest, wassersteinMeta } from './wasserstein.stat-test';
export { wassersteinNormedStatTest, wassersteinNormedMeta, WASSERSTEIN_STD_FLOOR } from './wasserstein-normed.stat-test';
export { andersonDarlingStatTest, andersonDarlingMeta } from './anderson-darling.stat-test';
export { psiStatTest, psiMeta } from './psi.stat-test';
export { jensenShannonStatTest, jensenShannonMeta } from './jensen-shannon.stat-test';
export { klDivergenceStatTest, klDivergenceMeta } from './kl-divergence.stat-test';
export { hellingerStatTest, hellingerMeta } from './hellinger.stat-test';
export { chiSquareStatTest, chiSquareMeta, chiSquareContingency } from './chi-square.stat-test';
export { zTestStatTest, zTestMeta } from './z-test.stat-test';
export { lInfinityStatTest, lInfinityMeta } from './l-infinity.stat-test';
export { totalVariationStatTest, totalVariationMeta } from './total-variation.stat-test';
