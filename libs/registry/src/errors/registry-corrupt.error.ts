import { PermanentError } from '@mlops/kafka';

/** A stored record cannot be read back (missing file, invalid JSON, wrong shape). */
export class RegistryCorruptError extends PermanentError {
  constructor(
    readonly location: string,
    problem: string,
  ) {
    super(`registry record ${location} is unreadable: ${problem}`, { location });
  }
}
