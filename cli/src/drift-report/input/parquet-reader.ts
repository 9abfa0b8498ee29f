import { InputFileError } from '../errors';
import { inputFileSize } from './input-file-size';
import type { Cell } from './cell';
import { checkHeader } from './check-header';
import type { InputSpec } from './input-format';
import type { TabularReader } from './tabular-reader';

/** The parts of hyparquet (ESM-only, loaded at run time) this reader uses. */
interface Hyparquet {
  asyncBufferFromFile(file: string): Promise<AsyncBufferLike>;
  parquetMetadataAsync(file: AsyncBufferLike): Promise<ParquetMetadata>;
  parquetSchema(metadata: ParquetMetadata): { children: { element: { name: string }; children: unknown[] }[] };
  parquetRead(options: { file: AsyncBufferLike; metadata: ParquetMetadata; rowStart: number; rowEnd: number; compressors: unknown; onComplete: (rows: unknown[][]) => void }): Promise<void>;
}
interface AsyncBufferLike {
  readonly byteLength: number;
}
interface ParquetMetadata {
  readonly row_groups: readonly { readonly num_rows: bigint }[];
}

/**
 * Parquet through hyparquet (+ hyparquet-compressors for zstd, gzip, brotli, lz4), one row group
 * at a time, so memory follows the largest row group rather than the file. Columns are the
 * top-level fields; a nested (list, map or struct) column is an error. Values become cells as a
 * JSON Lines reader would give them: numbers (INT64 too), booleans, strings; dates and
 * timestamps as ISO text (datetime columns, ignored unless mapped); null when absent.
 */
export async function openParquetReader(spec: InputSpec): Promise<TabularReader> {
  const { hyparquet, compressors } = await loadHyparquet();
  const size = await inputFileSize(spec.file, 'a Parquet file');
  let metadata: ParquetMetadata;
  let file: AsyncBufferLike;
  try {
    file = await hyparquet.asyncBufferFromFile(spec.file);
    metadata = await hyparquet.parquetMetadataAsync(file);
  } catch (error) {
    throw new InputFileError(spec.file, `not a readable Parquet file (${(error as Error).message})`);
  }
  const fields = hyparquet.parquetSchema(metadata).children;
  const nested = fields.find((f) => f.children.length > 0);
  if (nested !== undefined) throw new InputFileError(spec.file, `column ${JSON.stringify(nested.element.name)} is nested (a list, map or struct); only flat columns can be compared`);
  const columns = checkHeader(spec.file, fields.map((f) => f.element.name));
  const groups = metadata.row_groups.map((g) => Number(g.num_rows));
  const totalRows = groups.reduce((a, b) => a + b, 0);
  let group = 0;
  let groupStart = 0;
  let rows: unknown[][] = [];
  let next = 0;
  let rowsDone = 0;
  let closed = false;
  const readGroup = async (): Promise<boolean> => {
    if (closed || group >= groups.length) return false;
    const rowStart = groupStart;
    const rowEnd = rowStart + groups[group];
    group++;
    groupStart = rowEnd;
    try {
      await hyparquet.parquetRead({ file, metadata, rowStart, rowEnd, compressors, onComplete: (read) => (rows = read) });
    } catch (error) {
      throw new InputFileError(spec.file, `cannot read row group ${group} (${(error as Error).message})`);
    }
    next = 0;
    return true;
  };
  return {
    file: spec.file,
    columns,
    totalBytes: size,
    bytesRead: () => (totalRows === 0 ? size : Math.round((size * rowsDone) / totalRows)),
    lineOfRow: (row) => Promise.resolve(row + 1), // no lines in Parquet: messages say "row N + 1"
    close: () => {
      closed = true;
    },
    next: async (): Promise<readonly Cell[] | null> => {
      while (next >= rows.length) if (!(await readGroup())) return null;
      rowsDone++;
      return toCells(spec.file, rows[next++], columns, rowsDone);
    },
  };
}

async function loadHyparquet(): Promise<{ hyparquet: Hyparquet; compressors: unknown }> {
  // ESM-only packages: loaded when a Parquet file is read, not when the CLI starts.
  const hyparquet = (await import('hyparquet')) as unknown as Hyparquet;
  const { compressors } = (await import('hyparquet-compressors')) as unknown as { compressors: unknown };
  return { hyparquet, compressors };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function toCells(file: string, values: readonly unknown[], columns: readonly string[], row: number): Cell[] {
  const cells = new Array<Cell>(columns.length);
  for (let c = 0; c < columns.length; c++) {
    const v = values[c];
    if (v === null || v === undefined) cells[c] = null;
    else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') cells[c] = v;
    else if (typeof v === 'bigint') cells[c] = Number(v);
    else if (v instanceof Date) cells[c] = Number.isNaN(v.getTime()) ? null : v.toISOString();
    else if (v instanceof Uint8Array) cells[c] = decodeBytes(file, v, columns[c], row);
    else throw new InputFileError(file, `row ${row}, column ${JSON.stringify(columns[c])}: holds ${Array.isArray(v) ? 'a list' : 'an object'}; only numbers, text, booleans and dates can be compared`);
  }
  return cells;
}

function decodeBytes(file: string, bytes: Uint8Array, column: string, row: number): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputFileError(file, `row ${row}, column ${JSON.stringify(column)}: binary values that are not UTF-8 text cannot be compared`);
  }
}
