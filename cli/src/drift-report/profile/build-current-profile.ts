import { ReferenceProfile, WindowProfile } from '@mlops/drift-stats';
import { PerformanceTracker } from '../performance/performance-tracker';
import type { PerformanceMetrics, PerformancePlan } from '../performance/performance.types';
import type { PlannedColumn } from '../schema/column-plan';
import { ColumnStore } from './column-store';
import type { ReadSide } from './profile-side.types';
import { OpenSource, readBatches, ReadBatchesOptions } from './read-batches';

export interface CurrentBuildOptions extends ReadBatchesOptions {
  readonly exactRows: number;
  readonly seed: number;
  readonly performance: PerformancePlan | null;
  /** Whether the reference kept every value (else the current file is profiled on the fly). */
  readonly referenceExact: boolean;
  /** The reference profile, built when first needed (the current file passed --exact-rows). */
  readonly reference: () => ReferenceProfile;
}

/**
 * Reads the current file. While both files stay within `exactRows`, every value is kept
 * (column-wise, in `store`) for exact statistics. Otherwise the file goes, in one streaming pass,
 * into a window profile on the reference's bins and categories, whose tests read quantile
 * sketches (results marked approximate).
 */
export async function buildCurrentProfile(source: OpenSource, columns: readonly PlannedColumn[], options: CurrentBuildOptions): Promise<ReadSide<WindowProfile>> {
  const tracker = options.performance === null ? null : new PerformanceTracker(options.performance, columns);
  const kept: { store: ColumnStore | null; profile: WindowProfile | null } = { store: options.referenceExact ? new ColumnStore(columns) : null, profile: null };
  const window = () => WindowProfile.forReference(options.reference(), { sampleSize: options.exactRows, seed: options.seed });
  const rows = await readBatches(source, columns, options, (batch) => {
    tracker?.add(batch);
    const { store } = kept;
    if (store === null) {
      (kept.profile ??= window()).updateColumns(batch.asColumns());
      return;
    }
    store.append(batch);
    if (store.rows <= options.exactRows) return;
    kept.profile = window();
    kept.profile.updateColumns(store.asColumns());
    kept.store = null; // past the exact limit: from here on only the profile grows
  });
  const performance = tracker?.result() ?? null;
  if (kept.store !== null) return { rows, exact: true, performance, store: kept.store, profile: null };
  return { rows, exact: rows <= options.exactRows, performance, store: null, profile: kept.profile ?? window() };
}

/**
 * The current side from a store read elsewhere (a worker thread): kept as is when the reference
 * is exact too, else folded into a window profile on the (sketched) reference.
 */
export function currentFromStore(
  store: ColumnStore,
  performance: PerformanceMetrics | null,
  referenceExact: boolean,
  reference: () => ReferenceProfile,
  options: { readonly exactRows: number; readonly seed: number },
): ReadSide<WindowProfile> {
  if (referenceExact) return { rows: store.rows, exact: true, performance, store, profile: null };
  const profile = WindowProfile.forReference(reference(), { sampleSize: options.exactRows, seed: options.seed });
  profile.updateColumns(store.asColumns());
  return { rows: store.rows, exact: store.rows <= options.exactRows, performance, store: null, profile };
}
