import { createInterface } from 'node:readline';
import { InputFileError } from '../errors';
import type { Cell } from './cell';
import { checkHeader } from './check-header';
import type { InputSpec } from './input-format';
import { openByteStream } from './open-byte-stream';
import type { TabularReader } from './tabular-reader';

/**
 * JSON Lines: one object per line, blank lines skipped. The columns are the keys of the first
 * object; a later object may leave a key out (a missing value) but may not add one. Values must
 * be scalars (number, string, boolean, null): a nested object or array is an error.
 */
export async function openJsonlReader(spec: InputSpec): Promise<TabularReader> {
  const stream = await openByteStream(spec);
  const lines = createInterface({ input: stream.bytes, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lineNumber = 0;
  const nextObject = async (): Promise<Record<string, unknown> | null> => {
    for (;;) {
      let r: IteratorResult<string>;
      try {
        r = await lines.next();
      } catch (error) {
        stream.close();
        throw error instanceof InputFileError ? error : new InputFileError(spec.file, `cannot read (${(error as Error).message})`);
      }
      if (r.done === true) return null;
      lineNumber++;
      const text = lineNumber === 1 ? r.value.replace(/^\uFEFF/, '') : r.value;
      if (text.trim().length > 0) return parseObject(spec.file, text, lineNumber);
    }
  };
  const first = await nextObject();
  if (first === null) throw new InputFileError(spec.file, 'has no JSON object (only blank lines)');
  const columns = checkHeader(spec.file, Object.keys(first));
  const index = new Map(columns.map((c, i) => [c, i]));
  let pending: Record<string, unknown> | null = first;
  return {
    file: spec.file,
    columns,
    totalBytes: stream.totalBytes,
    bytesRead: stream.bytesRead,
    close: () => stream.close(),
    lineOfRow: (row) => jsonlLineOfRow(spec, row),
    next: async () => {
      const object = pending ?? (await nextObject());
      pending = null;
      return object === null ? null : toCells(spec.file, object, index, columns.length, lineNumber);
    },
  };
}

/** The line of data row `row`: the (row + 1)-th non-blank line, found by reading the file again. */
async function jsonlLineOfRow(spec: InputSpec, row: number): Promise<number> {
  const stream = await openByteStream(spec);
  let line = 0;
  let rows = -1;
  try {
    for await (const text of createInterface({ input: stream.bytes, crlfDelay: Infinity })) {
      line++;
      if (text.trim().length > 0 && ++rows === row) break;
    }
  } finally {
    stream.close();
  }
  return line;
}

function parseObject(file: string, text: string, line: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(file, `not valid JSON (${(error as Error).message})`, line);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputFileError(file, 'expected a JSON object per line', line);
  }
  return value as Record<string, unknown>;
}

function toCells(file: string, object: Record<string, unknown>, index: ReadonlyMap<string, number>, width: number, line: number): Cell[] {
  const cells: Cell[] = new Array<Cell>(width).fill(null);
  for (const key in object) {
    const i = index.get(key);
    if (i === undefined) throw new InputFileError(file, `key ${JSON.stringify(key)} is not among the first object's keys`, line);
    const v = object[key];
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') cells[i] = v;
    else throw new InputFileError(file, `key ${JSON.stringify(key)} holds ${Array.isArray(v) ? 'an array' : 'an object'}; only numbers, strings, booleans and null can be compared`, line);
  }
  return cells;
}
