import { stat } from 'node:fs/promises';
import { InputFileError } from '../errors';

/**
 * The size of an input file, or an InputFileError naming it: missing, unreadable, a directory,
 * or empty (`expected` says what the file should have held, e.g. "a Parquet file").
 */
export async function inputFileSize(file: string, expected: string): Promise<number> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw new InputFileError(file, 'is a directory, expected a file');
    if (s.size === 0) throw new InputFileError(file, `is empty (0 bytes): expected ${expected}`);
    return s.size;
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(file, readProblem(error as Error));
  }
}

/** A file-system error in words: no such file, permission denied, or the system's message. */
export function readProblem(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read (${error.message})`;
}
