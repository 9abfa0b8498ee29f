import type { Cell } from './cell';

/**
 * Rows of a data file, one at a time, with the file's column names. Implementations stream
 * (memory does not grow with the file) and turn every format problem into an InputFileError
 * naming the file and line.
 */
export interface TabularReader {
  readonly file: string;
  /** Column names, in file order (CSV header, or the keys of the first JSON Lines object). */
  readonly columns: readonly string[];
  /** The next data row, cells aligned with `columns`; null after the last row. */
  next(): Promise<readonly Cell[] | null>;
  /** Size of the file on disk and bytes read so far (for the progress bar). */
  readonly totalBytes: number;
  bytesRead(): number;
  /** 1-based line where data row `row` (0-based) starts, for messages. Re-reads the file: error path only. */
  lineOfRow(row: number): Promise<number>;
  close(): void;
}
