import { InputFileError } from '../errors';
import { RawRow } from './raw-row';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * RFC 4180 CSV over raw UTF-8 bytes, fed chunk by chunk: quoted fields, doubled quotes, delimiters
 * and newlines inside quotes, CRLF or LF line ends, a UTF-8 byte order mark; blank lines are
 * skipped; a quote inside an unquoted field is taken literally. Each complete row is handed to
 * `onRow` as field offsets into the bytes (no string per cell: the profile converts numbers and
 * categories straight from the bytes). A row cut by the end of a chunk is carried over and
 * scanned again with the next chunk.
 *
 * Written for the drift report's hot path: csv-parse, which it replaces, allocated an array and a
 * string per row and cell and was the largest cost of a 1M-row report.
 */
export class CsvScanner {
  private readonly row: RawRow;
  private carry: Buffer | null = null;
  private started = false;
  /** Line on which the next row starts (1-based). */
  private line = 1;

  constructor(
    private readonly file: string,
    private readonly delimiter: number,
    width: number,
  ) {
    this.row = new RawRow(width);
  }

  /** Scans the complete rows of `chunk` (after whatever the previous chunk left over). */
  feed(chunk: Buffer, onRow: (row: RawRow) => void): void {
    let bytes = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    if (!this.started) {
      if (bytes.length < 3 && bytes.every((b, i) => b === [0xef, 0xbb, 0xbf][i])) {
        this.carry = bytes; // too short to tell whether it starts with a byte order mark
        return;
      }
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const consumed = this.scan(bytes, false, onRow);
    this.carry = consumed < bytes.length ? Buffer.from(bytes.subarray(consumed)) : null;
  }

  /** Scans what is left at the end of the file (a last row without a line end). */
  finish(onRow: (row: RawRow) => void): void {
    const rest = this.carry;
    this.carry = null;
    if (rest !== null && rest.length > 0) this.scan(rest, true, onRow);
  }

  /** Returns how many bytes were consumed (whole rows). */
  private scan(bytes: Buffer, final: boolean, onRow: (row: RawRow) => void): number {
    const row = this.row;
    const delimiter = this.delimiter;
    const end = bytes.length;
    row.bytes = bytes;
    let rowStart = 0;
    let i = 0;
    while (i < end) {
      // One row from rowStart: fields until an unquoted line end.
      row.count = 0;
      let lines = 0;
      let complete = false;
      for (;;) {
        let fieldStart = i;
        let fieldEnd: number;
        let escaped = false;
        if (i < end && bytes[i] === QUOTE) {
          // Quoted field: up to the closing quote; "" stands for one quote.
          let j = i + 1;
          for (;;) {
            j = bytes.indexOf(QUOTE, j);
            if (j === -1) break;
            if (j + 1 < end && bytes[j + 1] === QUOTE) {
              escaped = true;
              j += 2;
              continue;
            }
            if (j + 1 === end && !final) j = -1; // cannot tell "" from " yet
            break;
          }
          if (j === -1) {
            if (!final) return rowStart;
            throw new InputFileError(this.file, 'a quoted field is never closed (missing ")', this.line);
          }
          for (let k = i + 1; k < j; k++) if (bytes[k] === LF) lines++;
          fieldStart = i + 1;
          fieldEnd = j;
          i = j + 1;
          if (i < end && bytes[i] !== delimiter && bytes[i] !== LF && !(bytes[i] === CR && (i + 1 === end || bytes[i + 1] === LF))) {
            throw new InputFileError(this.file, `not valid CSV: a character follows a closing quote (${JSON.stringify(String.fromCharCode(bytes[i]))})`, this.line + lines);
          }
        } else {
          while (i < end && bytes[i] !== delimiter && bytes[i] !== LF) i++;
          fieldEnd = i > fieldStart && i < end && bytes[i] === LF && bytes[i - 1] === CR ? i - 1 : i;
          if (i === end && fieldEnd > fieldStart && bytes[fieldEnd - 1] === CR) fieldEnd--;
        }
        row.add(fieldStart, fieldEnd, escaped);
        if (i < end && bytes[i] === delimiter) {
          i++;
          continue;
        }
        if (i < end && bytes[i] === CR) i++; // CR of a CRLF after a quoted field
        if (i < end) {
          i++; // the LF
          lines++;
          complete = true;
        } else {
          complete = final;
        }
        break;
      }
      if (!complete) return rowStart;
      const blank = row.count === 1 && row.ends[0] === row.starts[0] && !(bytes[rowStart] === QUOTE);
      row.line = this.line + lines - (i <= end && bytes[i - 1] === LF ? 1 : 0);
      this.line += lines;
      rowStart = i;
      if (!blank) onRow(row);
    }
    return rowStart;
  }
}
