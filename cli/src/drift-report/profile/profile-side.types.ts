import type { DatasetProfile } from '@mlops/drift-stats';
import type { PerformanceMetrics } from '../performance/performance.types';

/** One file, profiled. */
export interface ProfiledSide<P extends DatasetProfile> {
  readonly profile: P;
  readonly rows: number;
  /** Every value was kept (statistics exact); false once the file passed --exact-rows. */
  readonly exact: boolean;
  readonly performance: PerformanceMetrics | null;
}
