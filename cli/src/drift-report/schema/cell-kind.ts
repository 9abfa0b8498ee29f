import type { Cell } from '../input/cell';

/** What a raw cell holds, as far as type inference is concerned. */
export type CellKind = 'missing' | 'number' | 'boolean' | 'datetime' | 'text';

/** Cells read as missing by default (pandas' usual NA tokens); `--na-values` replaces the list. */
export const DEFAULT_NA_VALUES: readonly string[] = ['', 'NA', 'N/A', 'n/a', 'NaN', 'nan', 'null', 'NULL', 'None', '#N/A'];

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?(?:inf|infinity)$/i;
const BOOLEAN = /^(?:true|false)$/i;
/** ISO 8601 dates and date-times (space or T, optional seconds, fraction and zone). */
export const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The kind of a cell. Text is trimmed first; a blank cell or an NA token is missing. */
export function cellKind(cell: Cell, naValues: ReadonlySet<string>): CellKind {
  if (cell === null) return 'missing';
  if (typeof cell === 'number') return Number.isNaN(cell) ? 'missing' : 'number';
  if (typeof cell === 'boolean') return 'boolean';
  const text = cell.trim();
  if (text.length === 0 || naValues.has(text)) return 'missing';
  if (NUMBER.test(text) || INFINITY.test(text)) return 'number';
  if (BOOLEAN.test(text)) return 'boolean';
  if (ISO_DATETIME.test(text)) return 'datetime';
  return 'text';
}
