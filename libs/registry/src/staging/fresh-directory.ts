import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DestinationNotEmptyError } from '../errors/destination-not-empty.error';

/**
 * Fills a temporary sibling of `destination` with `fill`, then renames it into place. If `fill`
 * throws (a checksum mismatch, a dropped connection), the temporary folder is removed and the
 * destination is left exactly as it was, so no caller ever sees a half-written download.
 */
export async function intoFreshDirectory<T>(destination: string, fill: (directory: string) => Promise<T>): Promise<T> {
  const target = resolve(destination);
  await assertEmptyOrAbsent(target);
  await mkdir(dirname(target), { recursive: true });
  const temporary = await mkdtemp(join(dirname(target), `.${basename(target)}.partial-`));
  try {
    const result = await fill(temporary);
    await moveIntoPlace(temporary, target);
    return result;
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}

async function assertEmptyOrAbsent(target: string): Promise<void> {
  const found = await stat(target).catch(() => undefined);
  if (!found) return;
  if (!found.isDirectory() || (await readdir(target)).length > 0) throw new DestinationNotEmptyError(target);
}

async function moveIntoPlace(temporary: string, target: string): Promise<void> {
  // rmdir only removes an empty folder: if something appeared meanwhile it fails, and so do we.
  await rmdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw notEmptyOr(error, target);
  });
  await rename(temporary, target).catch((error: NodeJS.ErrnoException) => {
    throw notEmptyOr(error, target);
  });
}

function notEmptyOr(error: NodeJS.ErrnoException, target: string): Error {
  return error.code === 'ENOTEMPTY' || error.code === 'EEXIST' || error.code === 'ENOTDIR' ? new DestinationNotEmptyError(target) : error;
}

/** A unique name for a temporary file or folder next to its final place. */
export function temporaryName(finalName: string): string {
  return `.${finalName}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}
