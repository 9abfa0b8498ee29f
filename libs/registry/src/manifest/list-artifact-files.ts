import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidVersionInputError } from '../errors/invalid-version-input.error';
import { relativePathProblem } from '../validation/relative-artifact-path';

/**
 * Every regular file under `root`, as sorted POSIX paths relative to it. Symlinks and special
 * files are refused rather than followed: a link could pull files from outside the saved model
 * into the registry, and its target could change after the checksum was taken.
 */
export async function listArtifactFiles(root: string): Promise<string[]> {
  const rootStat = await lstat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) throw new InvalidVersionInputError('sourceDir', `${root} is not a directory`);
  const files: string[] = [];
  await walk(root, '', files);
  if (files.length === 0) throw new InvalidVersionInputError('sourceDir', `${root} contains no files`);
  return files.sort();
}

async function walk(root: string, relative: string, out: string[]): Promise<void> {
  const entries = await readdir(join(root, relative), { withFileTypes: true });
  for (const entry of entries) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    const problem = relativePathProblem(path);
    if (problem) throw new InvalidVersionInputError('sourceDir', `${JSON.stringify(path)}: ${problem}`);
    if (entry.isDirectory()) await walk(root, path, out);
    else if (entry.isFile()) out.push(path);
    else throw new InvalidVersionInputError('sourceDir', `${path} is not a regular file or directory`);
  }
}
