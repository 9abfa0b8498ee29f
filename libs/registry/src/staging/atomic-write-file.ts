import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { temporaryName } from './fresh-directory';

/**
 * Replaces `path` in one step: readers see the old content or the new one, never a mix. The
 * temporary file sits in the same folder so the rename stays on one filesystem.
 */
export async function writeFileAtomic(path: string, bytes: Buffer | string): Promise<void> {
  const temporary = join(dirname(path), temporaryName(basename(path)));
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
