import { InterruptedError, MixedTypesError } from '../errors';
import type { Cell } from '../input/cell';
import type { RawRow } from '../input/raw-row';
import type { TabularReader } from '../input/tabular-reader';
import type { ProgressSink } from '../progress/progress-sink';
import type { PlannedColumn } from '../schema/column-plan';
import { CellConversionError } from './cell-conversion.error';
import type { MissingRule } from './cell-parsers';
import { ColumnBatch } from './column-batch';

export const BATCH_ROWS = 4096;

/** A file being read: its reader and the rows already taken from it for type inference. */
export interface OpenSource {
  readonly reader: TabularReader;
  readonly prefix: readonly (readonly Cell[])[];
}

export interface ReadBatchesOptions {
  readonly side: 'reference' | 'current';
  readonly missing: MissingRule;
  readonly inferRows: number;
  readonly progress: ProgressSink;
  readonly label: string;
  readonly signal?: AbortSignal;
}

/**
 * Streams every data row of a source (the inference prefix first) into typed column batches
 * and hands each full batch (and the last partial one) to `onBatch`. Returns the row count. A
 * cell that does not fit its column's type stops the read with a MixedTypesError naming the
 * file, line and column.
 */
export async function readBatches(
  source: OpenSource,
  columns: readonly PlannedColumn[],
  options: ReadBatchesOptions,
  onBatch: (batch: ColumnBatch) => void,
): Promise<number> {
  const positions = columns.map((c) => (options.side === 'reference' ? c.referenceIndex : c.currentIndex));
  const batch = new ColumnBatch(columns, positions, BATCH_ROWS, options.missing);
  const { reader } = source;
  const { progress } = options;
  let row = 0;
  const flush = () => {
    if (batch.size === 0) return;
    onBatch(batch);
    batch.clear();
    if (options.signal?.aborted === true) throw new InterruptedError();
    progress.update(reader.bytesRead());
  };
  progress.start(options.label, reader.totalBytes);
  try {
    for (const cells of source.prefix) {
      batch.push(cells, row++);
      if (batch.full) flush();
    }
    if (reader.readRaw !== undefined) {
      const sink = {
        raw: (raw: RawRow) => {
          batch.pushRaw(raw, row++);
          if (batch.full) flush();
        },
        cells: (cells: readonly Cell[]) => {
          batch.push(cells, row++);
          if (batch.full) flush();
        },
      };
      while (await reader.readRaw(sink)) {
        /* chunk by chunk */
      }
    } else {
      for (let cells = await reader.next(); cells !== null; cells = await reader.next()) {
        batch.push(cells, row++);
        if (batch.full) flush();
      }
    }
    flush();
  } catch (error) {
    reader.close();
    if (error instanceof CellConversionError) throw await toMixedTypes(error, reader, columns, options.inferRows);
    throw error;
  } finally {
    progress.stop();
  }
  return row;
}

async function toMixedTypes(error: CellConversionError, reader: TabularReader, columns: readonly PlannedColumn[], inferRows: number): Promise<MixedTypesError> {
  const column = columns.find((c) => c.name === error.column);
  const how = column?.typeSource === 'mapping' ? 'declared' : `inferred from the first ${inferRows} rows of each file as`;
  const line = await reader.lineOfRow(error.row);
  return new MixedTypesError(error.column, reader.file, line, `${JSON.stringify(error.value)} is not ${error.expected}, but the column was ${how} ${column?.type ?? 'typed'}`);
}
