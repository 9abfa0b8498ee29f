import type { Cell } from './cell';
import type { RawRow } from './raw-row';

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
  /**
   * Fast path (CSV): the rows of the next read chunk, handed to `sink` without a string per
   * cell. False once the file is exhausted. Readers without it are read with `next()`.
   */
  readRaw?(sink: RawRowSink): Promise<boolean>;
}

/** Receives rows from {@link TabularReader.readRaw}: as bytes, or as text for rows already decoded. */
export interface RawRowSink {
  raw(row: RawRow): void;
  cells(cells: readonly Cell[]): void;
}
