import { CsvError, parse, Parser } from 'csv-parse';
import { InputFileError } from '../errors';
import type { InputSpec } from './input-format';
import { openByteStream } from './open-byte-stream';
import { checkHeader } from './check-header';
import type { TabularReader } from './tabular-reader';

/**
 * CSV through csv-parse, streaming: quoted fields, doubled quotes, embedded newlines, a UTF-8
 * byte order mark, any one-character delimiter. Blank lines are skipped; a row whose field
 * count differs from the header's is an error (a ragged row), as is an unclosed quote.
 */
export async function openCsvReader(spec: InputSpec): Promise<TabularReader> {
  const stream = await openByteStream(spec);
  const parser = stream.bytes.pipe(createParser(spec));
  stream.bytes.on('error', (error) => parser.destroy(error));
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const read = async (): Promise<string[] | null> => {
    try {
      const r = await records.next();
      return r.done === true ? null : r.value;
    } catch (error) {
      stream.close();
      throw toInputError(spec.file, error);
    }
  };
  const header = await read();
  if (header === null) throw new InputFileError(spec.file, 'has no header line (only blank lines)');
  const columns = checkHeader(spec.file, header);
  return {
    file: spec.file,
    columns,
    next: read,
    totalBytes: stream.totalBytes,
    bytesRead: stream.bytesRead,
    lineOfRow: (row) => csvLineOfRow(spec, row),
    close: () => stream.close(),
  };
}

function createParser(spec: InputSpec, info = false, to = -1): Parser {
  return parse({ bom: true, delimiter: spec.delimiter, skip_empty_lines: true, relax_quotes: true, info, to });
}

/** The line data row `row` ends on, by parsing the file again up to it with line tracking. */
async function csvLineOfRow(spec: InputSpec, row: number): Promise<number> {
  const stream = await openByteStream(spec);
  const parser = stream.bytes.pipe(createParser(spec, true, row + 2));
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<{ info: { lines: number } }>) line = record.info.lines;
  } finally {
    stream.close();
  }
  return line;
}

function toInputError(file: string, error: unknown): Error {
  if (error instanceof InputFileError) return error;
  if (error instanceof CsvError) {
    const line = typeof error['lines'] === 'number' ? error['lines'] : undefined;
    if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
      const counts = /expect (\d+), got (\d+)/.exec(error.message);
      const detail = counts === null ? 'a different number of fields than the header' : `${counts[2]} field${counts[2] === '1' ? '' : 's'} where the header has ${counts[1]}`;
      return new InputFileError(file, `ragged row: ${detail}`, line);
    }
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') return new InputFileError(file, 'a quoted field is never closed (missing ")', line);
    return new InputFileError(file, `not valid CSV: ${error.message.replace(/ at line \d+.*$/, '')}`, line);
  }
  return new InputFileError(file, `cannot read (${(error as Error).message})`);
}
