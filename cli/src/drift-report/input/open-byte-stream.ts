import { createReadStream, ReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputFileError } from '../errors';
import { inputFileSize, readProblem } from './input-file-size';
import type { InputSpec } from './input-format';
import { Utf8GuardTransform } from './utf8-guard.transform';

/** A file's decoded bytes, checked as UTF-8, with how far into the file reading has got. */
export interface ByteStream {
  readonly bytes: Readable;
  /** Size of the file on disk (compressed size for .gz). */
  readonly totalBytes: number;
  /** Bytes of the file read so far. */
  bytesRead(): number;
  close(): void;
}

const CHUNK = 1 << 20;

/** Opens a data file for reading; a missing, unreadable or empty file is an InputFileError. */
export async function openByteStream(spec: InputSpec): Promise<ByteStream> {
  const size = await inputFileSize(spec.file, 'a header line and rows');
  const file: ReadStream = createReadStream(spec.file, { highWaterMark: CHUNK });
  const guard = new Utf8GuardTransform(spec.file);
  const fail = (error: Error) => guard.destroy(error instanceof InputFileError ? error : new InputFileError(spec.file, readProblem(error)));
  file.on('error', fail);
  if (spec.gzip) {
    const gunzip = createGunzip({ chunkSize: CHUNK });
    gunzip.on('error', (error) => fail(new InputFileError(spec.file, `not a valid gzip file (${error.message})`)));
    file.pipe(gunzip).pipe(guard);
  } else {
    file.pipe(guard);
  }
  return {
    bytes: guard,
    totalBytes: size,
    bytesRead: () => file.bytesRead,
    close: () => {
      file.destroy();
      guard.destroy();
    },
  };
}
