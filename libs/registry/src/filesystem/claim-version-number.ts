import { readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { isAllocatedVersion } from '../validation/registry-names';

/** The highest published version number in `versionsDir`, 0 when there is none. */
export async function highestVersion(versionsDir: string): Promise<number> {
  const names = await readdir(versionsDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names.filter(isAllocatedVersion).reduce((max, name) => Math.max(max, Number(name)), 0);
}

export interface ClaimOptions {
  /** Called with each candidate number before the rename, to write it into the staged record. */
  prepare(version: string): Promise<void>;
  /** Called when another writer took the candidate first. */
  onTaken?(version: string): void;
  maxAttempts?: number;
}

/**
 * Publishes the fully written folder `staged` as `versionsDir/<n>`, n = highest + 1, in one
 * rename. rename(2) refuses to replace a non-empty directory (ENOTEMPTY/EEXIST), so when two
 * processes pick the same n exactly one rename wins and the other tries n + 1: numbers are
 * distinct and gap-free. A process that dies before its rename leaves only its staging folder:
 * nothing half-written is ever visible under versions/, and no number is lost.
 */
export async function publishAsNextVersion(staged: string, versionsDir: string, options: ClaimOptions): Promise<string> {
  const maxAttempts = options.maxAttempts ?? 1000;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const version = String((await highestVersion(versionsDir)) + 1);
    await options.prepare(version);
    try {
      await rename(staged, join(versionsDir, version));
      return version;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      options.onTaken?.(version);
    }
  }
  throw new Error(`could not claim a version number in ${versionsDir} after ${maxAttempts} attempts`);
}
