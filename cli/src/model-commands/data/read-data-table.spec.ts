import { gzipSync } from 'node:zlib';
import { tempDir } from '../../__test-support__/temp-dir';
import { InputFileError } from '../../drift-report/errors';
import { DEFAULT_NA_VALUES } from '../../drift-report/schema/cell-kind';
import { ModelDataError } from '../errors';
import { readDataTable } from './read-data-table';

const dir = tempDir('mlops-table-');
afterAll(() => dir.cleanup());
const read = (file: string, extra: { inferRows?: number; declared?: Record<string, 'categorical'> } = {}) =>
  readDataTable(file, { naValues: DEFAULT_NA_VALUES, inferRows: extra.inferRows ?? 100, declared: extra.declared });

describe('readDataTable', () => {
  it('types every column and reads missing cells as null', async () => {
    const file = dir.file('t.csv', 'n,b,c,d\n1.5,true,x,2026-01-01\nNA,false,,2026-01-02\n-3,TRUE,"y,z",2026-01-03T10:00:00Z\n');
    const table = await read(file);
    expect(table.columns).toEqual([
      { name: 'n', type: 'numerical' },
      { name: 'b', type: 'boolean' },
      { name: 'c', type: 'categorical' },
      { name: 'd', type: 'datetime' },
    ]);
    expect(table.rows).toEqual([
      [1.5, true, 'x', '2026-01-01'],
      [null, false, null, '2026-01-02'],
      [-3, true, 'y,z', '2026-01-03T10:00:00Z'],
    ]);
  });

  it('reads JSON Lines and gzip through the drift report readers', async () => {
    const file = dir.file('t.jsonl.gz', gzipSync('{"a":1,"b":"x"}\n{"a":null,"b":"y"}\n'));
    const table = await read(file);
    expect(table.rows).toEqual([
      [1, 'x'],
      [null, 'y'],
    ]);
  });

  it('keeps numeric codes as text when a column is declared categorical', async () => {
    const table = await read(dir.file('z.csv', 'zip,v\n75001,1\n10115,2\n'), { declared: { zip: 'categorical' } });
    expect(table.rows.map((r) => r[0])).toEqual(['75001', '10115']);
  });

  it('names the file, line and column of a value that does not fit, after the inference rows', async () => {
    const file = dir.file('late.csv', `a,b\n${'1,x\n'.repeat(5)}oops,y\n`);
    await expect(read(file, { inferRows: 3 })).rejects.toThrow(new ModelDataError(`${file} line 7, column "a": "oops" is not a finite number, but the column was inferred from the first 3 rows as numerical. Fix the value, or add it to --na-values if it means "missing".`));
  });

  it('names a mixed column found by inference', async () => {
    const file = dir.file('mixed.csv', 'a\n1\n2\n3\nfour\n');
    await expect(read(file)).rejects.toThrow(/mixed\.csv line 5, column "a": "four" among numbers \(75\.0% .*declare the column with --categorical\.$/);
  });

  it('refuses a missing file, an empty one and one without data rows', async () => {
    await expect(read(dir.file('absent.csv'))).rejects.toThrow(InputFileError);
    await expect(read(dir.file('absent.csv'))).rejects.toThrow(/absent\.csv: no such file$/);
    await expect(read(dir.file('empty.csv', ''))).rejects.toThrow(/empty\.csv: is empty/);
    await expect(read(dir.file('header.csv', 'a,b\n'))).rejects.toThrow(/header\.csv: has a header but no data rows$/);
  });
});
