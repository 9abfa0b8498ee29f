import { stat } from 'node:fs/promises';
import { InterruptedError } from '../../drift-report/errors';
import type { Cell } from '../../drift-report/input/cell';
import { resolveInputSpec, type InputFormat } from '../../drift-report/input/input-format';
import { openTabularReader } from '../../drift-report/input/open-tabular-reader';
import { readPrefix } from '../../drift-report/input/read-prefix';
import type { TabularReader } from '../../drift-report/input/tabular-reader';
import { missingRule, NOT_PARSABLE, parseBooleanCell, parseCategoryCell, parseNumberCell, type MissingRule } from '../../drift-report/profile/cell-parsers';
import { ColumnTally } from '../../drift-report/schema/column-tally';
import { inferColumnType, type InferredType } from '../../drift-report/schema/infer-column-type';
import { ModelDataError } from '../errors';
import type { DataTable, TableColumn, TableValue } from './data-table';

export interface ReadTableOptions {
  readonly format?: InputFormat;
  readonly delimiter?: string;
  readonly naValues: readonly string[];
  /** Rows read to infer the column types (the rest must fit them). */
  readonly inferRows: number;
  /** Types declared by flags (e.g. `--categorical zipcode`), which override inference. */
  readonly declared?: Readonly<Record<string, InferredType>>;
  readonly signal?: AbortSignal;
}

/**
 * Reads a CSV, TSV or JSON Lines file (optionally gzip) whole, with the drift report's streaming
 * readers and type inference: numbers, true/false, ISO dates and text, missing cells as null.
 * A missing, empty or malformed file is an InputFileError; a value that does not fit its
 * column's type is a ModelDataError naming the file, line and column.
 */
export async function readDataTable(file: string, options: ReadTableOptions): Promise<DataTable> {
  const spec = resolveInputSpec(file, options.format, options.delimiter);
  const reader = await openTabularReader(spec);
  try {
    const tallies = new Map<string, ColumnTally>();
    const missing = missingRule(options.naValues);
    const prefix = await readPrefix(reader, options.inferRows, missing.naValues, tallies);
    if (prefix.length === 0) throw new ModelDataError(`${file}: has a header but no data rows`);
    const columns = await typeColumns(reader, tallies, options);
    const rows: TableValue[][] = [];
    const convert = (cells: readonly Cell[]) => {
      const row = columns.map((c, i) => convertCell(cells[i], c.type, missing));
      const bad = row.indexOf(NOT_PARSABLE);
      if (bad >= 0) return { bad, cell: cells[bad] };
      rows.push(row as TableValue[]);
      return undefined;
    };
    // The inference rows first (already read), then the rest of the file.
    let taken = 0;
    const next = async (): Promise<readonly Cell[] | null> => (taken < prefix.length ? prefix[taken++] : reader.next());
    for (let cells = await next(); cells !== null; cells = await next()) {
      const problem = convert(cells);
      if (problem) {
        const column = columns[problem.bad];
        const line = await reader.lineOfRow(rows.length);
        throw new ModelDataError(
          `${file} line ${line}, column ${JSON.stringify(column.name)}: ${JSON.stringify(String(problem.cell))} is not ${expected(column.type)}, but the column was ${declaredOrInferred(column.name, options)} ${column.type}. Fix the value, or add it to --na-values if it means "missing".`,
        );
      }
      if ((rows.length & 0xfff) === 0 && options.signal?.aborted === true) throw new InterruptedError();
    }
    return { file, columns, rows, modifiedAt: (await stat(file)).mtime };
  } finally {
    reader.close();
  }
}

async function typeColumns(reader: TabularReader, tallies: ReadonlyMap<string, ColumnTally>, options: ReadTableOptions): Promise<TableColumn[]> {
  const columns: TableColumn[] = [];
  for (const name of reader.columns) {
    const declared = options.declared?.[name];
    if (declared !== undefined) {
      columns.push({ name, type: declared });
      continue;
    }
    const inference = inferColumnType(tallies.get(name) ?? new ColumnTally());
    if (inference.ok) {
      columns.push({ name, type: inference.type });
      continue;
    }
    const { offender, dominant, share } = inference;
    const what = dominant === 'number' ? 'numbers' : dominant === 'boolean' ? 'true/false values' : 'ISO dates';
    const line = await reader.lineOfRow(offender.row);
    throw new ModelDataError(
      `${reader.file} line ${line}, column ${JSON.stringify(name)}: ${JSON.stringify(offender.value)} among ${what} (${(share * 100).toFixed(1)}% of the values in the first ${options.inferRows} rows are ${what}). Fix the value, add it to --na-values if it means "missing", or declare the column with --categorical.`,
    );
  }
  return columns;
}

/** One cell as its column's type: a finite number, a boolean, text, null, or NOT_PARSABLE. */
function convertCell(cell: Cell, type: InferredType, missing: MissingRule): TableValue | typeof NOT_PARSABLE {
  if (type === 'numerical') {
    const x = parseNumberCell(cell, missing, false);
    if (x === NOT_PARSABLE || (!Number.isNaN(x) && !Number.isFinite(x))) return NOT_PARSABLE;
    return Number.isNaN(x) ? null : x;
  }
  if (type === 'boolean') {
    const x = parseBooleanCell(cell, missing);
    return x === NOT_PARSABLE ? NOT_PARSABLE : Number.isNaN(x) ? null : x === 1;
  }
  const text = parseCategoryCell(cell, missing);
  return type === 'datetime' && text !== null ? text.trim() : text;
}

function expected(type: InferredType): string {
  return type === 'numerical' ? 'a finite number' : type === 'boolean' ? 'true or false' : 'text';
}

function declaredOrInferred(column: string, options: ReadTableOptions): string {
  return options.declared?.[column] !== undefined ? 'declared' : `inferred from the first ${options.inferRows} rows as`;
}
