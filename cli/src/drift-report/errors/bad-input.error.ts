/**
 * Root of the drift report's input errors: something the user gave (a flag, a file, a mapping,
 * the data) cannot be used. Retrying the same command fails the same way; the CLI prints the
 * message (which names the file, line or column) and exits with code 2, never a stack trace.
 */
export abstract class BadInputError extends Error {
  readonly retriable = false;

  protected constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
