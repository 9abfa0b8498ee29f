import { isUtf8 } from 'node:buffer';
import { Transform, TransformCallback } from 'node:stream';
import { InputFileError } from '../errors';

/**
 * Passes bytes through unchanged after checking they are valid UTF-8, counting bytes (for the
 * progress bar) and lines (for the message). Invalid bytes fail the stream with an
 * InputFileError naming the file and line. The check is native (`buffer.isUtf8`); only a
 * sequence cut by a chunk boundary is carried over to the next chunk.
 */
export class Utf8GuardTransform extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  private lines = 1;
  private offset = 0;

  constructor(private readonly file: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const data = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const cut = incompleteTailStart(data);
    const complete = data.subarray(0, cut);
    if (!isUtf8(complete)) {
      done(this.invalid(complete, firstInvalidByte(complete)));
      return;
    }
    this.countLines(complete);
    this.offset += complete.length;
    this.carry = Buffer.from(data.subarray(cut));
    done(null, complete);
  }

  override _flush(done: TransformCallback): void {
    if (this.carry.length > 0) done(this.invalid(this.carry, 0));
    else done();
  }

  private countLines(data: Buffer, end = data.length): void {
    for (let i = data.indexOf(10); i !== -1 && i < end; i = data.indexOf(10, i + 1)) this.lines++;
  }

  private invalid(data: Buffer, index: number): InputFileError {
    this.countLines(data, index);
    const utf16 = this.offset === 0 && index === 0 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff));
    const byte = data[index]?.toString(16).padStart(2, '0') ?? 'end of file';
    const hint = utf16
      ? 'the file is UTF-16 (it starts with a UTF-16 byte order mark); convert it, e.g. iconv -f UTF-16 -t UTF-8'
      : `invalid UTF-8 (byte 0x${byte} at offset ${this.offset + index}); convert the file, e.g. iconv -f LATIN1 -t UTF-8`;
    return new InputFileError(this.file, hint, this.lines);
  }
}

/** Length of a sequence from its lead byte (0 for a byte that cannot start one). */
function sequenceLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** Start of a multi-byte sequence at the end of `data` that the next chunk completes, else data.length. */
function incompleteTailStart(data: Buffer): number {
  for (let i = data.length - 1; i >= 0 && i >= data.length - 3; i--) {
    const b = data[i];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const length = sequenceLength(b);
    return length > data.length - i ? i : data.length;
  }
  return data.length;
}

/** Index of the first byte that breaks UTF-8 (WHATWG decoder rules). */
export function firstInvalidByte(data: Uint8Array): number {
  let i = 0;
  while (i < data.length) {
    const b = data[i];
    const length = sequenceLength(b);
    if (length === 0) return i;
    let lower = 0x80;
    let upper = 0xbf;
    if (b === 0xe0) lower = 0xa0;
    else if (b === 0xed) upper = 0x9f;
    else if (b === 0xf0) lower = 0x90;
    else if (b === 0xf4) upper = 0x8f;
    for (let k = 1; k < length; k++) {
      const c = data[i + k];
      if (c === undefined) return i;
      if (c < lower || c > upper) return i;
      lower = 0x80;
      upper = 0xbf;
    }
    i += length;
  }
  return data.length;
}
