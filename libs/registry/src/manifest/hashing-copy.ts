import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface HashedBytes {
  sha256: string;
  size: number;
}

/**
 * Streams `source` into the file `target` (created exclusively) and returns the digest of the
 * bytes written: the checksum always describes what landed on disk, never a second read.
 */
export async function writeStreamHashed(source: Readable, target: string): Promise<HashedBytes> {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(source, tap, createWriteStream(target, { flags: 'wx' }));
  return { sha256: hash.digest('hex'), size };
}

export function copyFileHashed(source: string, target: string): Promise<HashedBytes> {
  return writeStreamHashed(createReadStream(source), target);
}
