import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from './errors';

/** Fails early (before the files are read) when an output path is a directory. */
export async function checkOutputPath(flag: string, file: string | undefined): Promise<void> {
  if (file === undefined || file === '-') return;
  const s = await stat(file).catch(() => null);
  if (s?.isDirectory() === true) throw new UsageError(`${flag} ${file}: is a directory, expected a file name`);
}

/**
 * Writes a report file, creating its directory. The text may still be in the making (the HTML
 * report renders its charts asynchronously); an error while making it is not a write error and
 * passes through as it is.
 */
export async function writeOutput(flag: string, file: string, text: string | Promise<string>): Promise<void> {
  const content = await text;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag} ${file}: cannot write (${(error as Error).message})`);
  }
}
