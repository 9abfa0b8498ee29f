import { ModelError } from './model.error';

/** An option passed to train, predict, save or load is out of range; names the option. */
export class InvalidModelOptionError extends ModelError {
  constructor(
    readonly option: string,
    expected: string,
  ) {
    super(`${option}: ${expected}`, { option });
  }
}
