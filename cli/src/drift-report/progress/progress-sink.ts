/** Where reading progress goes: a bar on a terminal, nothing otherwise. */
export interface ProgressSink {
  /** A new phase, e.g. "reading ref.csv", over `totalBytes` bytes. */
  start(label: string, totalBytes: number): void;
  update(bytesRead: number): void;
  stop(): void;
}

export const SILENT_PROGRESS: ProgressSink = { start: () => undefined, update: () => undefined, stop: () => undefined };
