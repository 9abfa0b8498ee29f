import type { ColumnReport } from './drift-report.types';

/** Drifted columns first, then by how far past (or short of) its threshold each one is, then by name. */
export function orderColumns(columns: readonly ColumnReport[]): ColumnReport[] {
  return [...columns].sort((a, b) => Number(b.drifted) - Number(a.drifted) || severity(b) - severity(a) || (a.name < b.name ? -1 : 1));
}

/** How strongly a column drifts relative to its own threshold (comparable across methods). */
export function severity(c: ColumnReport): number {
  if (c.insufficientData) return -Infinity;
  if (c.decidedBy === 'p-value') return c.pValue === undefined ? 0 : c.threshold / Math.max(c.pValue, 1e-300);
  return c.threshold === 0 ? c.score : c.score / c.threshold;
}
