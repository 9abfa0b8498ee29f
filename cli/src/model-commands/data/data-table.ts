import type { InferredType } from '../../drift-report/schema/infer-column-type';

/** A typed cell: a number (numerical), a boolean, text (categorical or an ISO date), or null when missing. */
export type TableValue = number | string | boolean | null;

export interface TableColumn {
  readonly name: string;
  readonly type: InferredType;
}

/** A whole data file in memory, typed by column: what training and a baseline profile need. */
export interface DataTable {
  readonly file: string;
  readonly columns: readonly TableColumn[];
  /** Data rows in file order, values aligned with `columns`. */
  readonly rows: readonly (readonly TableValue[])[];
  /** When the file was last written (the default end of the data window). */
  readonly modifiedAt: Date;
}

/** The position of a column, or -1. */
export function columnIndex(table: DataTable, name: string): number {
  return table.columns.findIndex((c) => c.name === name);
}

/** `"a", "b", "c"` (at most 12 names), for messages that list what a file holds. */
export function listColumns(table: DataTable): string {
  const names = table.columns.map((c) => JSON.stringify(c.name));
  return names.length > 12 ? `${names.slice(0, 12).join(', ')} … (${names.length} columns)` : names.join(', ');
}
