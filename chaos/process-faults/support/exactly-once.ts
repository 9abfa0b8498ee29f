import type { DriftReport } from '@mlops/contracts';

/** Ids that occur more than once, with their counts. */
export function repeated(ids: Iterable<string>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return Object.fromEntries([...counts].filter(([, n]) => n > 1));
}

/** Ids of `expected` not present in `actual`. */
export function missing(expected: Iterable<string>, actual: Iterable<string>): string[] {
  const present = new Set(actual);
  return [...expected].filter((id) => !present.has(id));
}

export interface WindowCount {
  windowStart: string;
  accepted: number;
  /** Sum of `samples.current` over every version's report for the window. */
  counted: number;
}

/**
 * Per window (before `beforeMs`), the predictions accepted vs those the drift reports counted.
 * A window's events may be served by two versions (a deployment in the middle): their reports
 * add up. Only windows where the two differ are returned; empty means exactly once.
 */
export function windowDiscrepancies(accepted: Map<number, number>, reports: readonly DriftReport[], beforeMs: number): WindowCount[] {
  const counted = new Map<number, number>();
  for (const report of reports) {
    const start = Date.parse(report.window.start);
    if (start < beforeMs) counted.set(start, (counted.get(start) ?? 0) + report.samples.current);
  }
  const starts = [...new Set([...accepted.keys(), ...counted.keys()])].filter((s) => s < beforeMs).sort((a, b) => a - b);
  return starts
    .map((s) => ({ windowStart: new Date(s).toISOString(), accepted: accepted.get(s) ?? 0, counted: counted.get(s) ?? 0 }))
    .filter((w) => w.accepted !== w.counted);
}

/** The same (version, window) reported more than once. */
export function repeatedReports(reports: readonly DriftReport[]): Record<string, number> {
  return repeated(reports.map((r) => `${r.model} v${r.version} ${r.window.start}`));
}
