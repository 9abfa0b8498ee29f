import { ReferenceProfile } from '@mlops/drift-stats';
import type { TabularReader } from '../input/tabular-reader';
import { PerformanceTracker } from '../performance/performance-tracker';
import type { PerformancePlan } from '../performance/performance.types';
import type { PlannedColumn } from '../schema/column-plan';
import type { ColumnBatch } from './column-batch';
import { ColumnStore } from './column-store';
import type { ReadSide } from './profile-side.types';
import { OpenSource, readBatches, ReadBatchesOptions } from './read-batches';
import { SpecSketches } from './spec-sketches';

export interface ReferenceBuildOptions extends ReadBatchesOptions {
  readonly exactRows: number;
  readonly bins: number;
  readonly seed: number;
  readonly performance: PerformancePlan | null;
  /** A fresh reader on the same file, for the second pass of a large reference. */
  readonly reopen: () => Promise<TabularReader>;
}

/**
 * Reads the reference. Up to `exactRows` rows every value is kept (column-wise, in `store`) for
 * exact statistics. Beyond, the kept values are folded into sketches and reading goes on in
 * bounded memory; a second pass then fills a profile whose bin edges and categories came from
 * those sketches.
 */
export async function buildReferenceProfile(source: OpenSource, columns: readonly PlannedColumn[], options: ReferenceBuildOptions): Promise<ReadSide<ReferenceProfile>> {
  const tracker = options.performance === null ? null : new PerformanceTracker(options.performance, columns);
  const kept: { store: ColumnStore | null; sketches: SpecSketches } = { store: new ColumnStore(columns), sketches: new SpecSketches(columns, options.bins, options.seed) };
  const rows = await readBatches(source, columns, options, (batch: ColumnBatch) => {
    tracker?.add(batch);
    const { store, sketches } = kept;
    if (store === null) {
      for (let c = 0; c < columns.length; c++) sketches.add(c, batch.column(c));
      return;
    }
    store.append(batch);
    if (store.rows <= options.exactRows) return;
    for (let c = 0; c < columns.length; c++) sketches.add(c, store.values(c));
    kept.store = null; // past the exact limit: from here on only the sketches grow
  });
  const performance = tracker?.result() ?? null;
  if (kept.store !== null) return { rows, exact: true, performance, store: kept.store, profile: null };
  const profile = ReferenceProfile.fromSpecs(kept.sketches.specs(), options.seed);
  const reader = await options.reopen();
  await readBatches({ reader, prefix: [] }, columns, { ...options, label: `${options.label} (pass 2)` }, (batch) => profile.updateColumns(batch.asColumns()));
  return { rows, exact: false, performance, store: null, profile };
}

/** The reference profile from every kept value, as drift-stats' compareColumns builds it. */
export function referenceProfileFromStore(store: ColumnStore, columns: readonly PlannedColumn[], options: { readonly bins: number; readonly seed: number }): ReferenceProfile {
  const schema = columns.map((c) => ({ name: c.name, type: c.type, role: c.role }));
  return ReferenceProfile.fromColumns(store.asColumns(), schema, { bins: options.bins, seed: options.seed, sampleSize: Math.max(store.rows, 1) });
}
