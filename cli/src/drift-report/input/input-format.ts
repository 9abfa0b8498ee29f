import { UsageError } from '../errors';

/** File formats the drift report reads. */
export type InputFormat = 'csv' | 'jsonl' | 'parquet';

export const INPUT_FORMATS: readonly InputFormat[] = ['csv', 'jsonl', 'parquet'];

/** How a file is read: its format, whether it is gzip-compressed, and the CSV delimiter. */
export interface InputSpec {
  readonly file: string;
  readonly format: InputFormat;
  readonly gzip: boolean;
  readonly delimiter: string;
}

/**
 * The format of `file`: the explicit --format when given, else from the extension (`.csv`,
 * `.tsv`, `.txt` → CSV; `.jsonl`, `.ndjson` → JSON Lines, both optionally ending in `.gz`;
 * `.parquet`, `.pq` → Parquet).
 * A `.tsv` file is tab-separated unless --delimiter says otherwise.
 */
export function resolveInputSpec(file: string, explicit: InputFormat | undefined, delimiter: string | undefined): InputSpec {
  const lower = file.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const base = gzip ? lower.slice(0, -3) : lower;
  const parquet = base.endsWith('.parquet') || base.endsWith('.pq');
  if (parquet && gzip) throw new UsageError(`${file}: a gzip-compressed Parquet file; Parquet compresses its own pages, decompress the file first`);
  const byExtension: InputFormat | undefined = parquet ? 'parquet' : base.endsWith('.jsonl') || base.endsWith('.ndjson') ? 'jsonl' : base.endsWith('.csv') || base.endsWith('.tsv') || base.endsWith('.txt') ? 'csv' : undefined;
  const format = explicit ?? byExtension ?? 'csv';
  return { file, format, gzip, delimiter: delimiter ?? (base.endsWith('.tsv') ? '\t' : ',') };
}
