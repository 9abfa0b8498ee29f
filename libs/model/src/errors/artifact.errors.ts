import { ModelError } from './model.error';

export type ArtifactProblem = 'checksum-mismatch' | 'missing-file' | 'unexpected-file';

/**
 * A saved model directory does not match its sha256 manifest; nothing was loaded. `file` is the
 * offending file's name inside the directory.
 */
export class ArtifactIntegrityError extends ModelError {
  constructor(
    readonly problem: ArtifactProblem,
    readonly file: string,
    detail: string,
    readonly directory: string,
  ) {
    super(`${directory}: ${file} ${detail}`, { problem, file, directory });
  }
}

export class ChecksumMismatchError extends ArtifactIntegrityError {
  constructor(file: string, expected: string, actual: string, directory: string) {
    super('checksum-mismatch', file, `has sha256 ${actual}, the manifest says ${expected}`, directory);
  }
}

export class MissingArtifactFileError extends ArtifactIntegrityError {
  constructor(file: string, directory: string) {
    super('missing-file', file, 'is listed in the manifest but absent', directory);
  }
}

export class UnexpectedArtifactFileError extends ArtifactIntegrityError {
  constructor(file: string, directory: string) {
    super('unexpected-file', file, 'is not listed in the manifest', directory);
  }
}

/** A file of the directory is readable but not what this lib writes (bad JSON, wrong format version). */
export class ModelFormatError extends ModelError {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`, { file });
  }
}

/** save() never overwrites: a version directory is immutable once written. */
export class ModelDirectoryExistsError extends ModelError {
  constructor(readonly directory: string) {
    super(`${directory} already exists; a saved model is never overwritten`, { directory });
  }
}
