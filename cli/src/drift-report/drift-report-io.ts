import type { ProgressSink } from './progress/progress-sink';

/** What the drift report needs from its surroundings (injected so specs run it in-process). */
export interface DriftReportIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly progress: ProgressSink;
  now(): Date;
  /** Aborted on Ctrl-C: reading stops between batches. */
  readonly signal?: AbortSignal;
}
