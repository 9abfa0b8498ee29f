import type { DatasetProfile } from '@mlops/drift-stats';
import type { PerformanceMetrics } from '../performance/performance.types';
import type { ColumnStore } from './column-store';

/** One file, profiled. */
export interface ProfiledSide<P extends DatasetProfile> {
  readonly profile: P;
  readonly rows: number;
  /** Every value was kept (statistics exact); false once the file passed --exact-rows. */
  readonly exact: boolean;
  readonly performance: PerformanceMetrics | null;
}

/** One file, read: every value kept (`store`), or already folded into a profile. */
export type ReadSide<P extends DatasetProfile> = Omit<ProfiledSide<P>, 'profile'> &
  ({ readonly store: ColumnStore; readonly profile: null } | { readonly store: null; readonly profile: P });
