import type { InferredType } from '../../drift-report/schema/infer-column-type';
import { ModelDataError } from '../errors';
import { listColumns, type DataTable } from './data-table';

/** `--categorical a,b` as the reader's type declarations: numeric codes (zip codes, levels) read as categories. */
export function categoricalDeclarations(names: readonly string[]): Record<string, InferredType> {
  return Object.fromEntries(names.map((name) => [name, 'categorical' as const]));
}

/** Every declared column must be in the file: a typo would otherwise be silently ignored. */
export function checkDeclaredColumns(table: DataTable, names: readonly string[]): void {
  for (const name of names) {
    if (!table.columns.some((c) => c.name === name)) throw new ModelDataError(`--categorical ${JSON.stringify(name)}: not a column of ${table.file} (its columns: ${listColumns(table)})`);
  }
}
