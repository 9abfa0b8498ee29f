import { parentPort, workerData } from 'node:worker_threads';
import { BadInputError } from '../errors';
import { openTabularReader } from '../input/open-tabular-reader';
import { PerformanceTracker } from '../performance/performance-tracker';
import { missingRule } from './cell-parsers';
import { ColumnStore } from './column-store';
import type { CurrentReadOutcome, CurrentReadRequest } from './current-read.messages';
import { readBatches } from './read-batches';

const SILENT = { start: () => undefined, update: () => undefined, stop: () => undefined };

class TooLarge extends Error {}

/**
 * Worker thread: reads the whole current file into a column store (while the main thread reads
 * the reference) and sends the columns back, transferred, not copied. Stops as soon as the file
 * passes --exact-rows: the main thread then streams it into a profile itself.
 */
async function readCurrent(request: CurrentReadRequest): Promise<{ outcome: CurrentReadOutcome; transfer: ArrayBuffer[] }> {
  const { columns } = request;
  const reader = await openTabularReader(request.spec);
  const store = new ColumnStore(columns);
  const tracker = request.performance === null ? null : new PerformanceTracker(request.performance, columns);
  const options = { side: 'current' as const, missing: missingRule(request.naValues), inferRows: request.inferRows, progress: SILENT, label: '' };
  await readBatches({ reader, prefix: [] }, columns, options, (batch) => {
    store.append(batch);
    if (store.rows > request.exactRows) throw new TooLarge();
    tracker?.add(batch);
  });
  reader.close();
  const parts = store.toParts();
  return { outcome: { kind: 'read', parts, performance: tracker?.result() ?? null }, transfer: [...parts.numbers, ...parts.codes].map((a) => a.buffer as ArrayBuffer) };
}

function failure(error: unknown): CurrentReadOutcome {
  if (error instanceof TooLarge) return { kind: 'too-large' };
  if (error instanceof BadInputError) return { kind: 'bad-input', message: error.message };
  return { kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}

const port = parentPort;
if (port !== null) {
  readCurrent(workerData as CurrentReadRequest).then(
    ({ outcome, transfer }) => port.postMessage(outcome, transfer),
    (error: unknown) => port.postMessage(failure(error)),
  );
}
