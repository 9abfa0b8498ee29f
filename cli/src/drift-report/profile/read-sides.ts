import type { ReferenceProfile, WindowProfile } from '@mlops/drift-stats';
import type { InputSpec } from '../input/input-format';
import { openTabularReader } from '../input/open-tabular-reader';
import type { PerformancePlan } from '../performance/performance.types';
import type { ProgressSink } from '../progress/progress-sink';
import type { PlannedColumn } from '../schema/column-plan';
import { buildCurrentProfile, currentFromStore } from './build-current-profile';
import { buildReferenceProfile, referenceProfileFromStore } from './build-reference-profile';
import type { MissingRule } from './cell-parsers';
import { ColumnStore } from './column-store';
import type { ReadSide } from './profile-side.types';
import type { OpenSource } from './read-batches';
import { readCurrentInWorker } from './read-current-in-worker';

export interface ReadSidesOptions {
  readonly missing: MissingRule;
  readonly naValues: readonly string[];
  readonly inferRows: number;
  readonly exactRows: number;
  readonly bins: number;
  readonly seed: number;
  readonly performance: PerformancePlan | null;
  readonly progress: ProgressSink;
  readonly signal?: AbortSignal;
  /** Read the current file on a worker thread meanwhile (when it is at least `parallelMinBytes`). */
  readonly parallel: boolean;
  readonly parallelMinBytes: number;
}

type Source = OpenSource & { readonly spec: InputSpec };

/**
 * Reads both files: the reference on this thread, the current file on a worker thread at the
 * same time when it is large (else after the reference, here). Returns each side as a store of
 * every value or a profile, and the reference profile on demand (built from the store when the
 * current side needs one).
 */
export async function readSides(
  reference: Source,
  current: Source,
  columns: readonly PlannedColumn[],
  options: ReadSidesOptions,
): Promise<{ reference: ReadSide<ReferenceProfile>; current: ReadSide<WindowProfile>; referenceProfile: () => ReferenceProfile }> {
  const { missing, inferRows, exactRows, seed, performance, progress, signal } = options;
  const read = { missing, inferRows, exactRows, seed, performance, progress, signal };
  const inWorker =
    options.parallel && current.reader.totalBytes >= options.parallelMinBytes
      ? readCurrentInWorker({ spec: current.spec, columns, naValues: options.naValues, exactRows, inferRows, performance })
      : null;
  try {
    const referenceSide = await buildReferenceProfile(reference, columns, {
      ...read,
      side: 'reference',
      label: `reading ${reference.spec.file}`,
      bins: options.bins,
      reopen: () => openTabularReader(reference.spec),
    });
    let profile = referenceSide.profile;
    const referenceProfile = () => (profile ??= referenceProfileFromStore(referenceSide.store as ColumnStore, columns, options));
    const referenceExact = referenceSide.store !== null;
    const fromWorker = inWorker === null ? null : await inWorker.outcome;
    const currentSide =
      fromWorker !== null
        ? currentFromStore(ColumnStore.fromParts(columns, fromWorker.parts), fromWorker.performance, referenceExact, referenceProfile, options)
        : await buildCurrentProfile(current, columns, { ...read, side: 'current', label: `reading ${current.spec.file}`, referenceExact, reference: referenceProfile });
    return { reference: referenceSide, current: currentSide, referenceProfile };
  } finally {
    inWorker?.cancel();
  }
}
