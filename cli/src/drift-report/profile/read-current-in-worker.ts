import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ForwardedInputError } from '../errors';
import type { CurrentReadOutcome, CurrentReadRequest } from './current-read.messages';

/** A read of the current file running on another thread. */
export interface CurrentReadInWorker {
  /** The columns, or null when the file is past --exact-rows (read it on this thread instead). */
  readonly outcome: Promise<Extract<CurrentReadOutcome, { kind: 'read' }> | null>;
  cancel(): void;
}

/**
 * Starts reading the current file into columns on a worker thread, so that both files are read
 * at once (reading, not the statistics, is most of a large report's time). A bad-input error in
 * the worker becomes a ForwardedInputError with the same message.
 */
export function readCurrentInWorker(request: CurrentReadRequest): CurrentReadInWorker {
  const worker = new Worker(join(__dirname, 'current-read.worker.js'), { workerData: request });
  const outcome = new Promise<Extract<CurrentReadOutcome, { kind: 'read' }> | null>((resolve, reject) => {
    worker.once('message', (message: CurrentReadOutcome) => {
      void worker.terminate();
      if (message.kind === 'read') resolve(message);
      else if (message.kind === 'too-large') resolve(null);
      else if (message.kind === 'bad-input') reject(new ForwardedInputError(message.message));
      else reject(new Error(`reading the current file failed in a worker thread: ${message.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the worker thread reading the current file stopped (exit code ${code})`)));
  });
  outcome.catch(() => undefined); // awaited later; not an unhandled rejection meanwhile
  return { outcome, cancel: () => void worker.terminate() };
}
