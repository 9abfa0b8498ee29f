import { ReferenceProfile, WindowProfile } from '@mlops/drift-stats';
import { PerformanceTracker } from '../performance/performance-tracker';
import type { PerformancePlan } from '../performance/performance.types';
import type { PlannedColumn } from '../schema/column-plan';
import type { ProfiledSide } from './profile-side.types';
import { OpenSource, readBatches, ReadBatchesOptions } from './read-batches';

export interface CurrentBuildOptions extends ReadBatchesOptions {
  readonly exactRows: number;
  readonly seed: number;
  readonly performance: PerformancePlan | null;
}

/**
 * The current file as a window profile on the reference's bins and categories, in one streaming
 * pass. Its sample keeps up to `exactRows` values per numerical column, so up to that size every
 * test runs on every value; beyond, tests read the quantile sketches (results marked approximate).
 */
export async function buildCurrentProfile(
  source: OpenSource,
  columns: readonly PlannedColumn[],
  reference: ReferenceProfile,
  options: CurrentBuildOptions,
): Promise<ProfiledSide<WindowProfile>> {
  const tracker = options.performance === null ? null : new PerformanceTracker(options.performance, columns);
  const profile = WindowProfile.forReference(reference, { sampleSize: options.exactRows, seed: options.seed });
  const rows = await readBatches(source, columns, options, (batch) => {
    profile.updateColumns(batch.asColumns());
    tracker?.add(batch);
  });
  return { profile, rows, exact: rows <= options.exactRows, performance: tracker?.result() ?? null };
}
