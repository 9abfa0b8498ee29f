import { createReadStream, ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputFileError } from '../errors';
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
  const size = await fileSize(spec.file);
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

async function fileSize(file: string): Promise<number> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw new InputFileError(file, 'is a directory, expected a file');
    if (s.size === 0) throw new InputFileError(file, 'is empty (0 bytes): expected a header line and rows');
    return s.size;
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(file, readProblem(error as Error));
  }
}

function readProblem(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read (${error.message})`;
}
