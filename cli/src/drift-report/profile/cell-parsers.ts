import type { Cell } from '../input/cell';
import { ISO_DATETIME } from '../schema/cell-kind';

/** Returned by a parser when a cell does not fit the column's type. */
export const NOT_PARSABLE = Symbol('not parsable');

/** How missing cells are recognised: blank, or one of the NA tokens (trimmed). */
export interface MissingRule {
  readonly naValues: ReadonlySet<string>;
  /** Whether an NA token looks like a number (e.g. -999): then numbers are checked against the set too. */
  readonly numericTokens: boolean;
}

export function missingRule(naValues: readonly string[]): MissingRule {
  const set = new Set(naValues.map((v) => v.trim()));
  return { naValues: set, numericTokens: [...set].some((v) => v.length > 0 && !Number.isNaN(Number(v))) };
}

function isMissingText(text: string, rule: MissingRule): boolean {
  if (text.length === 0) return true;
  const padded = text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 || text.charCodeAt(0) === 0xa0;
  const t = padded ? text.trim() : text; // trim (an allocation) only when there is something to trim
  return t.length === 0 || rule.naValues.has(t);
}

const INFINITY = /^\s*([+-]?)(?:inf|infinity)\s*$/i;

/**
 * A numerical cell: NaN when missing, the number, or NOT_PARSABLE. ±inf / ±Infinity read as
 * ±Infinity (counted as invalid by drift-stats); with `datetimes`, ISO dates read as epoch ms.
 */
export function parseNumberCell(cell: Cell, rule: MissingRule, datetimes: boolean): number | typeof NOT_PARSABLE {
  if (typeof cell === 'number') return cell;
  if (cell === null) return Number.NaN;
  if (typeof cell === 'boolean') return NOT_PARSABLE;
  if (cell.length === 0) return Number.NaN;
  if (rule.numericTokens && isMissingText(cell, rule)) return Number.NaN;
  const x = +cell;
  if (x === x) return x === 0 && cell.trim().length === 0 ? Number.NaN : x;
  if (isMissingText(cell, rule)) return Number.NaN;
  const inf = INFINITY.exec(cell);
  if (inf !== null) return inf[1] === '-' ? -Infinity : Infinity;
  if (datetimes && ISO_DATETIME.test(cell.trim())) return Date.parse(cell.trim());
  return NOT_PARSABLE;
}

/** A boolean cell: 1, 0, NaN when missing, or NOT_PARSABLE. Text true/false in any case. */
export function parseBooleanCell(cell: Cell, rule: MissingRule): number | typeof NOT_PARSABLE {
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (cell === null) return Number.NaN;
  if (typeof cell === 'number') return Number.isNaN(cell) ? Number.NaN : NOT_PARSABLE;
  const t = cell.trim().toLowerCase();
  if (t === 'true') return 1;
  if (t === 'false') return 0;
  return isMissingText(cell, rule) ? Number.NaN : NOT_PARSABLE;
}

/** A categorical cell: its text as written (JSON numbers and booleans by their text), or null when missing. */
export function parseCategoryCell(cell: Cell, rule: MissingRule): string | null {
  if (cell === null) return null;
  if (typeof cell === 'string') return isMissingText(cell, rule) ? null : cell;
  if (typeof cell === 'number') return Number.isNaN(cell) ? null : String(cell);
  return cell ? 'true' : 'false';
}
