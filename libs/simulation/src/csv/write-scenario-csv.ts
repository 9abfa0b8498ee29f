import { once } from 'node:events';
import { createWriteStream, openSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { FeatureSpec } from '../generators/tabular-generator';
import { csvColumns, toCsvRow, type CsvLayoutOptions } from '../output/csv-rows';
import type { SimulationRecord } from '../stream/simulation-record';

export interface CsvWriteOptions extends CsvLayoutOptions {
  /** Only rows of these phases (all when absent), e.g. a reference file from `stable`. */
  phases?: readonly string[];
  /** Called after each written row with the count so far (progress bars). */
  onRow?: (rows: number) => void;
}

export interface CsvWriteResult {
  rows: number;
  columns: string[];
}

/**
 * Writes the predictions of a stream as CSV (header row first, RFC 4180 quoting). Labels are
 * not rows of their own: each row carries its ground truth. Honors back-pressure, so a
 * million-row scenario never sits in memory.
 */
export async function writeScenarioCsv(
  records: Iterable<SimulationRecord>,
  features: readonly FeatureSpec[],
  destination: string | Writable,
  options: CsvWriteOptions = {},
): Promise<CsvWriteResult> {
  const columns = csvColumns(features, options);
  // Opened synchronously so a bad path fails here, with the path in the message, not mid-stream.
  const out = typeof destination === 'string' ? createWriteStream('', { fd: openSync(destination, 'w') }) : destination;
  const csv = stringify({ header: true, columns });
  csv.pipe(out);
  const phases = options.phases && new Set(options.phases);
  let rows = 0;
  for (const record of records) {
    if (record.kind !== 'prediction' || (phases && !phases.has(record.phase))) continue;
    if (!csv.write(toCsvRow(record, features, options))) await once(csv, 'drain');
    rows++;
    options.onRow?.(rows);
  }
  csv.end();
  // A file is ours to finish; a stream passed in (stdout) stays open for its owner.
  await finished(typeof destination === 'string' ? out : csv);
  return { rows, columns };
}
