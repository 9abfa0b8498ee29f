/** What a subcommand needs from the process; main.ts passes the real ones, specs their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Environment variables (only commands that document one read it). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Aborted on the first Ctrl-C. */
  signal?: AbortSignal;
  /** The clock (report timestamps, durations). */
  now?: () => Date;
}

/** Called by a subcommand's action with its exit code. */
export type ExitCodeSink = (code: number) => void;
