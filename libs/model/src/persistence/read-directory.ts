import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { MissingArtifactFileError } from '../errors';

/**
 * Every entry of a model directory with the bytes of its regular files (undefined for
 * anything else: sub-directories, links), read once so that what is verified is exactly
 * what is loaded. A model directory holds a handful of small files, so memory is not a concern.
 */
export async function readDirectory(directory: string): Promise<Map<string, Uint8Array | undefined>> {
  let entries;
  try {
    entries = await fs.readdir(directory, { withFileTypes: true });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') throw new MissingArtifactFileError('(directory)', directory);
    throw error;
  }
  const files = new Map<string, Uint8Array | undefined>();
  for (const entry of entries) {
    files.set(entry.name, entry.isFile() ? await fs.readFile(path.join(directory, entry.name)) : undefined);
  }
  return files;
}
