import { PermanentError } from '@mlops/kafka';

/**
 * Stored bytes do not match the sha256 recorded when the version was created: the artifact was
 * corrupted or tampered with. Nothing was loaded and nothing was left at the destination.
 */
export class ChecksumMismatchError extends PermanentError {
  constructor(
    readonly model: string,
    readonly version: string,
    readonly file: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`model "${model}" version "${version}": ${file} has sha256 ${actual}, expected ${expected}`, {
      model,
      version,
      file,
      expected,
      actual,
    });
  }
}
