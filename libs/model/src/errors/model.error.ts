export type ModelErrorContext = Readonly<Record<string, string | number | boolean | null | undefined>>;

/**
 * Root of this lib's errors. Every one is permanent (`retriable: false`): the input, the
 * options or the artifact is wrong, so retrying the same call cannot help and a consumer should
 * dead-letter the message with `message` as the reason. `context` carries the fields a log line
 * or a dead-letter header needs (feature, row, file, option).
 */
export abstract class ModelError extends Error {
  readonly retriable: boolean = false;

  constructor(
    message: string,
    readonly context: ModelErrorContext = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
