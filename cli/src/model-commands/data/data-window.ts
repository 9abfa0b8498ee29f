import type { DataWindow } from '@mlops/contracts';
import { UsageError } from '../../drift-report/errors';
import { ModelDataError } from '../errors';
import type { DataTable } from './data-table';

/** The start of the default window: the data holds no time, so it covers everything before the file was written. */
export const UNKNOWN_START = '1970-01-01T00:00:00.000Z';

/** `--data-window FROM/TO` (ISO-8601 instants, FROM before TO), as the lineage's `[from, to)`. */
export function parseDataWindow(text: string): DataWindow {
  const parts = text.split('/');
  const [from, to] = parts.map((p) => Date.parse(p.trim()));
  if (parts.length !== 2 || !Number.isFinite(from) || !Number.isFinite(to)) {
    throw new UsageError(`--data-window: expected FROM/TO as ISO-8601 instants, e.g. 2026-11-01T00:00:00Z/2026-11-08T00:00:00Z, got ${JSON.stringify(text)}`);
  }
  if (from >= to) throw new UsageError(`--data-window: FROM must be before TO, got ${JSON.stringify(text)}`);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** Event time of each row, from a date column (ISO text) or a numeric one (epoch milliseconds). */
export function rowTimes(table: DataTable, timeColumn: number): number[] {
  const column = table.columns[timeColumn];
  if (column.type !== 'datetime' && column.type !== 'numerical') {
    throw new ModelDataError(`--time-column ${JSON.stringify(column.name)}: expected ISO dates or epoch milliseconds, the column is ${column.type}`);
  }
  return table.rows.map((row, i) => {
    const value = row[timeColumn];
    const t = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (!Number.isFinite(t)) throw new ModelDataError(`--time-column ${JSON.stringify(column.name)}: data row ${i + 1} of ${table.file} has no usable time (${JSON.stringify(value)})`);
    return t;
  });
}

/**
 * The window the lineage records: `--data-window` when given; else the span of the time column
 * (`[first, last + 1 ms)`); else everything up to when the file was last written.
 */
export function chooseDataWindow(table: DataTable, explicit: DataWindow | undefined, times: readonly number[] | undefined): DataWindow {
  if (explicit) return explicit;
  if (times && times.length > 0) {
    let min = times[0];
    let max = times[0];
    for (const t of times) {
      if (t < min) min = t;
      if (t > max) max = t;
    }
    return { from: new Date(min).toISOString(), to: new Date(max + 1).toISOString() };
  }
  const to = Math.max(table.modifiedAt.getTime(), Date.parse(UNKNOWN_START) + 1);
  return { from: UNKNOWN_START, to: new Date(to).toISOString() };
}
