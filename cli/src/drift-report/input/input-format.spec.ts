import { UsageError } from '../errors';
import { resolveInputSpec } from './input-format';

describe('resolveInputSpec', () => {
  it.each([
    ['a.csv', 'csv', false, ','],
    ['a.TSV', 'csv', false, '\t'],
    ['a.jsonl', 'jsonl', false, ','],
    ['a.ndjson.gz', 'jsonl', true, ','],
    ['a.csv.gz', 'csv', true, ','],
    ['data', 'csv', false, ','],
  ])('%s → %s', (file, format, gzip, delimiter) => {
    expect(resolveInputSpec(file, undefined, undefined)).toEqual({ file, format, gzip, delimiter });
  });

  it('lets --format and --delimiter win over the extension', () => {
    expect(resolveInputSpec('a.tsv', 'jsonl', ';')).toMatchObject({ format: 'jsonl', delimiter: ';' });
  });

  it('reads .parquet and .pq as Parquet, and refuses a gzip-compressed Parquet file', () => {
    expect(resolveInputSpec('a.parquet', undefined, undefined)).toMatchObject({ format: 'parquet', gzip: false });
    expect(resolveInputSpec('A.PQ', undefined, undefined)).toMatchObject({ format: 'parquet' });
    expect(() => resolveInputSpec('a.parquet.gz', undefined, undefined)).toThrow(UsageError);
  });
});
