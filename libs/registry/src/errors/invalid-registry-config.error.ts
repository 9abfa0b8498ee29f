import { PermanentError } from '@mlops/kafka';

/** Raised at construction when a registry setting cannot work; names the setting. */
export class InvalidRegistryConfigError extends PermanentError {
  constructor(setting: string, expected: string) {
    super(`${setting}: ${expected}`, { setting });
  }
}
