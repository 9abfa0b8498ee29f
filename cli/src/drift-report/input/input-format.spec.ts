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

  it('explains that Parquet is not supported yet', () => {
    expect(() => resolveInputSpec('a.parquet', undefined, undefined)).toThrow(UsageError);
    expect(() => resolveInputSpec('a.parquet', undefined, undefined)).toThrow(/Parquet is not supported yet/);
  });
});
