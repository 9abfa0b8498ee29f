import type { DecodeFailureCode } from '@mlops/contracts';
import { PermanentError } from '@mlops/kafka';

/** A message that is not a valid event: dead-lettered with `reason`; `code` labels the metric. */
export class InvalidEventError extends PermanentError {
  constructor(
    readonly code: DecodeFailureCode,
    reason: string,
  ) {
    super(reason, { code });
  }
}
