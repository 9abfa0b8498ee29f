import type { Columns } from '@mlops/drift-stats';
import type { Cell } from '../input/cell';
import type { RawRow } from '../input/raw-row';
import type { PlannedColumn } from '../schema/column-plan';
import { CellConversionError } from './cell-conversion.error';
import { ByteInterner } from './byte-interner';
import { MissingRule, NOT_PARSABLE, parseBooleanCell, parseCategoryCell, parseNumberCell } from './cell-parsers';
import { parseDecimalBytes } from './decimal-bytes';

/** Values of one column in a batch: numbers (NaN = missing; booleans as 1/0) or categories (null = missing). */
export type BatchValues = Float64Array | (string | null)[];

/**
 * A fixed-size batch of typed columns filled row by row from raw cells: the unit in which
 * profiles are updated (column-wise updates are the fastest path in drift-stats).
 */
export class ColumnBatch {
  readonly values: BatchValues[];
  private count = 0;
  /**
   * Per categorical column: each cell's interner id (−1 when decoded otherwise), a small number
   * per distinct value that lets a column store code the cell without hashing its text again.
   */
  private readonly ids: (Int32Array | null)[];
  /** Per column: decoded category (or boolean) per distinct byte sequence, for raw rows. */
  private readonly interners: (ByteInterner<string | null> | ByteInterner<number | typeof NOT_PARSABLE> | null)[];

  constructor(
    readonly columns: readonly PlannedColumn[],
    /** Position of each planned column in this file's rows. */
    private readonly positions: readonly number[],
    readonly capacity: number,
    private readonly missing: MissingRule,
  ) {
    this.values = columns.map((c) => (c.type === 'categorical' ? new Array<string | null>(capacity).fill(null) : new Float64Array(capacity)));
    this.ids = columns.map((c) => (c.type === 'categorical' ? new Int32Array(capacity) : null));
    this.interners = columns.map((c) =>
      c.type === 'categorical' ? new ByteInterner((t) => parseCategoryCell(t, missing)) : c.type === 'boolean' ? new ByteInterner((t) => parseBooleanCell(t, missing)) : null,
    );
  }

  get size(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count === this.capacity;
  }

  /** Converts and appends one row; `row` (0-based data row) is only used in errors. */
  push(cells: readonly Cell[], row: number): void {
    const i = this.count;
    for (let c = 0; c < this.columns.length; c++) {
      const column = this.columns[c];
      const cell = cells[this.positions[c]];
      const target = this.values[c];
      if (column.type === 'categorical') {
        (target as (string | null)[])[i] = parseCategoryCell(cell, this.missing);
        (this.ids[c] as Int32Array)[i] = -1;
        continue;
      }
      const x = column.type === 'numerical' ? parseNumberCell(cell, this.missing, column.datetimeAsNumber) : parseBooleanCell(cell, this.missing);
      if (x === NOT_PARSABLE) throw new CellConversionError(column.name, row, String(cell), column.type === 'numerical' ? 'a number' : 'true or false');
      (target as Float64Array)[i] = x;
    }
    this.count++;
  }

  /**
   * Converts and appends one CSV row straight from its bytes: plain decimals are parsed without a
   * string, categories are decoded once per distinct value; anything else goes through the same
   * cell parsers as `push`, so both paths give the same values and the same errors.
   */
  pushRaw(raw: RawRow, row: number): void {
    const i = this.count;
    const { bytes, starts, ends, escaped } = raw;
    for (let c = 0; c < this.columns.length; c++) {
      const column = this.columns[c];
      const p = this.positions[c];
      const start = starts[p];
      const end = ends[p];
      const target = this.values[c];
      if (column.type === 'numerical') {
        let x = start === end ? Number.NaN : escaped[p] === 1 || this.missing.numericTokens ? Number.NaN : parseDecimalBytes(bytes, start, end);
        if (x !== x && start !== end) {
          const parsed = parseNumberCell(raw.text(p), this.missing, column.datetimeAsNumber);
          if (parsed === NOT_PARSABLE) throw new CellConversionError(column.name, row, raw.text(p), 'a number');
          x = parsed;
        }
        (target as Float64Array)[i] = x;
        continue;
      }
      const interner = this.interners[c] as ByteInterner<unknown>;
      const id = escaped[p] === 1 || interner.size >= interner.limit ? -1 : interner.id(bytes, start, end);
      const value = id >= 0 ? interner.value(id) : column.type === 'categorical' ? parseCategoryCell(raw.text(p), this.missing) : parseBooleanCell(raw.text(p), this.missing);
      if (column.type === 'categorical') {
        (target as (string | null)[])[i] = value as string | null;
        (this.ids[c] as Int32Array)[i] = id;
        continue;
      }
      if (value === NOT_PARSABLE) throw new CellConversionError(column.name, row, raw.text(p), 'true or false');
      (target as Float64Array)[i] = value as number;
    }
    this.count++;
  }

  /** Interner ids of categorical column c's filled cells (−1: no id), null for other columns. */
  categoryIds(c: number): Int32Array | null {
    return this.ids[c]?.subarray(0, this.count) ?? null;
  }

  clear(): void {
    this.count = 0;
  }

  /** The filled part of one column. */
  column(c: number): BatchValues {
    const v = this.values[c];
    return v instanceof Float64Array ? v.subarray(0, this.count) : this.count === this.capacity ? v : v.slice(0, this.count);
  }

  /** The filled part as drift-stats columns, by name. */
  asColumns(): Columns {
    const out: Record<string, BatchValues> = {};
    this.columns.forEach((column, c) => (out[column.name] = this.column(c)));
    return out;
  }
}
