import { BadInputError } from './bad-input.error';

/** A bad-input error raised in a worker thread, carried back with its message. */
export class ForwardedInputError extends BadInputError {
  constructor(message: string) {
    super(message);
  }
}
