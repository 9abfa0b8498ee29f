export type ErrorContext = Record<string, string | number | boolean | null | undefined>;

/**
 * Root of the error tree. `retriable` tells a consumer what to do with the message that
 * raised it: retry with back-off (the cause is outside the message, e.g. a dependency is down)
 * or dead-letter it (the message itself is bad, retrying cannot help).
 */
export abstract class PipelineError extends Error {
  abstract readonly retriable: boolean;

  constructor(
    message: string,
    readonly context: ErrorContext = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A transient failure: a dependency timed out or is unavailable. Retry later. */
export class RetriableError extends PipelineError {
  readonly retriable = true;
}

/** The message cannot ever be handled as it is: dead-letter it with this error's message as reason. */
export class PermanentError extends PipelineError {
  readonly retriable = false;
}

/** Anything thrown that is not a PipelineError is treated as permanent: it is a bug or bad data. */
export function isRetriable(error: unknown): boolean {
  return error instanceof PipelineError && error.retriable;
}
