import { InvalidNameError } from '../errors/invalid-name.error';

export const MAX_ARTIFACT_PATH_LENGTH = 1024;

/**
 * A file's path inside an artifact: POSIX separators, no empty, `.` or `..` segment, no
 * backslash and no control character. Checked when a manifest is built and again when one is
 * read back, so a tampered manifest cannot make a download write outside its destination.
 */
export function assertRelativeArtifactPath(path: string): void {
  const problem = relativePathProblem(path);
  if (problem) throw new InvalidNameError('artifact path', path, problem);
}

export function relativePathProblem(path: string): string | undefined {
  if (path.length === 0 || path.length > MAX_ARTIFACT_PATH_LENGTH) return `expected 1–${MAX_ARTIFACT_PATH_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(path)) return 'backslashes and control characters are not allowed';
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return 'expected a relative path without empty, "." or ".." segments';
  }
  return undefined;
}
