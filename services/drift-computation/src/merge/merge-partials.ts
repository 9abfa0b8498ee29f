import { mergeAll, profileFromJSON, WindowProfile } from '@mlops/drift-stats';
import { ErrorSequence } from '../detectors/error-sequence';
import { mergePerformance, performanceFromJSON, PerformanceStats } from '../partials/performance-stats';
import type { PartialWindow } from '../partials/partial-message.schema';
import type { VersionPartials } from './window-merger';

/** A window of one model version with its partials merged (in partition order, so any instance gets the same bits). */
export interface MergedWindow {
  readonly current: WindowProfile | null;
  readonly currentRows: number;
  readonly performance: PerformanceStats | null;
  readonly labeledRows: number;
  /** The error streams of the labeled partials, one per source partition in partition order, each in offset order. */
  readonly errors: readonly (readonly number[])[];
  readonly minTimeMs: number;
  readonly maxTimeMs: number;
}

const inPartitionOrder = (partials: Map<number, PartialWindow>) => [...partials.entries()].sort((a, b) => a[0] - b[0]).map(([, w]) => w);

export function mergePartials(partials: VersionPartials): MergedWindow {
  const predictions = inPartitionOrder(partials.predictions);
  const labeled = inPartitionOrder(partials.labeled);
  const profiles = predictions.filter((w) => w.profile !== undefined).map((w) => profileFromJSON(w.profile));
  const windows = profiles.filter((p): p is WindowProfile => p instanceof WindowProfile);
  let performance: PerformanceStats | null = null;
  for (const w of labeled) {
    if (w.performance === undefined) continue;
    const stats = performanceFromJSON(w.performance);
    if (performance === null) performance = stats;
    else mergePerformance(performance, stats);
  }
  const times = predictions.length > 0 ? predictions : labeled;
  return {
    current: windows.length > 0 ? mergeAll(windows) : null,
    currentRows: predictions.reduce((n, w) => n + w.rows, 0),
    performance,
    labeledRows: labeled.reduce((n, w) => n + w.rows, 0),
    errors: labeled.flatMap((w) => (w.errors ? [ErrorSequence.fromJSON(w.errors).toArray()] : [])),
    minTimeMs: Math.min(...times.map((w) => w.minTimeMs)),
    maxTimeMs: Math.max(...times.map((w) => w.maxTimeMs)),
  };
}
