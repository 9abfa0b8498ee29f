import { PermanentError } from '@mlops/kafka';

/** download() never merges into or overwrites an existing folder's contents. */
export class DestinationNotEmptyError extends PermanentError {
  constructor(readonly destination: string) {
    super(`download destination ${destination} exists and is not empty`, { destination });
  }
}
