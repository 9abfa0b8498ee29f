import { PermanentError } from '@mlops/kafka';

/**
 * A model name, version, alias or artifact path that could escape the registry's folders or
 * break its URLs (`../x`, `a/b`, an empty string). Raised before any I/O happens.
 */
export class InvalidNameError extends PermanentError {
  constructor(
    readonly field: string,
    value: string,
    expected: string,
  ) {
    // The value is quoted through JSON so control characters cannot forge log lines.
    super(`invalid ${field} ${JSON.stringify(value.slice(0, 200))}: ${expected}`, { field });
  }
}
