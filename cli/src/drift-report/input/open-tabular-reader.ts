import { openCsvReader } from './csv-reader';
import type { InputSpec } from './input-format';
import { openJsonlReader } from './jsonl-reader';
import { openParquetReader } from './parquet-reader';
import type { TabularReader } from './tabular-reader';

/** A streaming reader for the file's format. */
export function openTabularReader(spec: InputSpec): Promise<TabularReader> {
  if (spec.format === 'parquet') return openParquetReader(spec);
  return spec.format === 'jsonl' ? openJsonlReader(spec) : openCsvReader(spec);
}
