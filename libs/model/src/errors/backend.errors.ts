import { ModelError } from './model.error';

/**
 * The configured tfjs backend cannot start here (its package is absent or fails to load).
 * Never answered by falling back to another backend: the operator chose this one.
 */
export class BackendUnavailableError extends ModelError {
  constructor(
    readonly backend: string,
    readonly setting: string,
    reason: string,
    cause?: unknown,
  ) {
    super(`${setting}=${backend}: ${reason}`, { backend, setting }, { cause });
  }
}

/** Training or loading before `selectBackend()` chose one: tfjs would pick one silently. */
export class BackendNotSelectedError extends ModelError {
  constructor() {
    super('no tfjs backend selected: call selectBackend() once at start-up before training or loading a model');
  }
}
