import { createHash } from 'node:crypto';

/** Lowercase hex sha256 of bytes, as `sha256sum` prints it. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
