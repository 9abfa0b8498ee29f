import { InputFileError } from '../errors';
import type { Cell } from './cell';
import { checkHeader } from './check-header';
import { CsvScanner } from './csv-scanner';
import type { InputSpec } from './input-format';
import { ByteStream, openByteStream } from './open-byte-stream';
import type { RawRow } from './raw-row';
import type { RawRowSink, TabularReader } from './tabular-reader';

/**
 * CSV, streaming, through CsvScanner: quoted fields, doubled quotes, embedded newlines, a UTF-8
 * byte order mark, any one-character delimiter. Blank lines are skipped; a row whose field
 * count differs from the header's is an error (a ragged row), as is an unclosed quote.
 * `next()` gives rows as text (type inference); `readRaw` hands rows over as bytes (profiling).
 */
export async function openCsvReader(spec: InputSpec): Promise<TabularReader> {
  const stream = await openByteStream(spec);
  const chunks = stream.bytes[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const scanner = new CsvScanner(spec.file, spec.delimiter.charCodeAt(0), 64);
  let width = -1;
  let done = false;
  const pending: string[][] = [];
  const checkWidth = (row: RawRow) => {
    if (row.count !== width) throw raggedRow(spec.file, row, width);
  };
  /** Scans the next chunk into `onRow`; false once the file is exhausted. */
  const readChunk = async (onRow: (row: RawRow) => void): Promise<boolean> => {
    if (done) return false;
    let r: IteratorResult<Buffer>;
    try {
      r = await chunks.next();
    } catch (error) {
      stream.close();
      throw toInputError(spec.file, error);
    }
    // Errors from here on are the scanner's (InputFileError) or the row consumer's: passed as they are.
    if (r.done === true) {
      done = true;
      scanner.finish(onRow);
    } else {
      scanner.feed(r.value, onRow);
    }
    return !done;
  };
  const decoded = (row: RawRow) => {
    if (width < 0) width = row.count; // the header line
    else checkWidth(row);
    pending.push(row.texts());
  };
  let columns: string[];
  try {
    while (pending.length === 0 && (await readChunk(decoded))) {
      /* until the header line */
    }
    const header = pending.shift();
    if (header === undefined) throw new InputFileError(spec.file, 'has no header line (only blank lines)');
    columns = checkHeader(spec.file, header);
  } catch (error) {
    stream.close();
    throw error;
  }
  return {
    file: spec.file,
    columns,
    totalBytes: stream.totalBytes,
    bytesRead: stream.bytesRead,
    lineOfRow: (row) => csvLineOfRow(spec, row),
    close: () => stream.close(),
    next: async (): Promise<readonly Cell[] | null> => {
      while (pending.length === 0 && (await readChunk(decoded))) {
        /* until a row */
      }
      return pending.shift() ?? null;
    },
    readRaw: async (sink: RawRowSink): Promise<boolean> => {
      while (pending.length > 0) sink.cells(pending.shift() as string[]);
      return readChunk((row) => {
        checkWidth(row);
        sink.raw(row);
      });
    },
  };
}

/** The line data row `row` ends on, by scanning the file again up to it. */
async function csvLineOfRow(spec: InputSpec, row: number): Promise<number> {
  const stream: ByteStream = await openByteStream(spec);
  const scanner = new CsvScanner(spec.file, spec.delimiter.charCodeAt(0), 64);
  let seen = -2; // the header is row -1
  let line = 0;
  const onRow = (r: RawRow) => {
    if (++seen === row) line = r.line;
  };
  try {
    for await (const chunk of stream.bytes) {
      scanner.feed(chunk as Buffer, onRow);
      if (line > 0) return line;
    }
    scanner.finish(onRow);
  } finally {
    stream.close();
  }
  return line;
}

function fieldCount(count: number, width: number): string {
  return `${count} field${count === 1 ? '' : 's'} where the header has ${width}`;
}

function raggedRow(file: string, row: RawRow, width: number): InputFileError {
  return new InputFileError(file, `ragged row: ${fieldCount(row.count, width)}`, row.line);
}

function toInputError(file: string, error: unknown): Error {
  if (error instanceof InputFileError) return error;
  return new InputFileError(file, `cannot read (${(error as Error).message})`);
}
