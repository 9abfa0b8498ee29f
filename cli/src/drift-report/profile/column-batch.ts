import type { Columns } from '@mlops/drift-stats';
import type { Cell } from '../input/cell';
import type { PlannedColumn } from '../schema/column-plan';
import { CellConversionError } from './cell-conversion.error';
import { MissingRule, NOT_PARSABLE, parseBooleanCell, parseCategoryCell, parseNumberCell } from './cell-parsers';

/** Values of one column in a batch: numbers (NaN = missing; booleans as 1/0) or categories (null = missing). */
export type BatchValues = Float64Array | (string | null)[];

/**
 * A fixed-size batch of typed columns filled row by row from raw cells: the unit in which
 * profiles are updated (column-wise updates are the fastest path in drift-stats).
 */
export class ColumnBatch {
  readonly values: BatchValues[];
  private count = 0;

  constructor(
    readonly columns: readonly PlannedColumn[],
    /** Position of each planned column in this file's rows. */
    private readonly positions: readonly number[],
    readonly capacity: number,
    private readonly missing: MissingRule,
  ) {
    this.values = columns.map((c) => (c.type === 'categorical' ? new Array<string | null>(capacity).fill(null) : new Float64Array(capacity)));
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
        continue;
      }
      const x = column.type === 'numerical' ? parseNumberCell(cell, this.missing, column.datetimeAsNumber) : parseBooleanCell(cell, this.missing);
      if (x === NOT_PARSABLE) throw new CellConversionError(column.name, row, String(cell), column.type === 'numerical' ? 'a number' : 'true or false');
      (target as Float64Array)[i] = x;
    }
    this.count++;
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
