import { gzipSync } from 'node:zlib';
import { tempDir } from '../../__test-support__/temp-dir';
import { InputFileError } from '../errors';
import { resolveInputSpec } from './input-format';
import { openCsvReader } from './csv-reader';
import type { Cell } from './cell';

const dir = tempDir();
afterAll(() => dir.cleanup());

async function readAll(name: string, content: string | Buffer, delimiter?: string): Promise<{ columns: readonly string[]; rows: (readonly Cell[])[] }> {
  const reader = await openCsvReader(resolveInputSpec(dir.file(name, content), undefined, delimiter));
  const rows: (readonly Cell[])[] = [];
  for (let r = await reader.next(); r !== null; r = await reader.next()) rows.push(r);
  return { columns: reader.columns, rows };
}

async function failure(name: string, content: string | Buffer): Promise<InputFileError> {
  const error = await readAll(name, content).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputFileError);
  return error as InputFileError;
}

describe('openCsvReader', () => {
  it('reads quoted fields, doubled quotes, delimiters and newlines inside quotes', async () => {
    const { columns, rows } = await readAll('quotes.csv', 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,plain\n');
    expect(columns).toEqual(['id', 'note']);
    expect(rows).toEqual([
      ['1', 'a, b'],
      ['2', 'say "hi"'],
      ['3', 'two\nlines'],
      ['4', 'plain'],
    ]);
  });

  it('strips a UTF-8 byte order mark from the first column name', async () => {
    const { columns } = await readAll('bom.csv', '\uFEFFage,city\n1,x\n');
    expect(columns).toEqual(['age', 'city']);
  });

  it('reads ";" and tab delimiters, CRLF line ends, and skips blank lines', async () => {
    expect((await readAll('semi.csv', 'a;b\r\n1,5;x\r\n\r\n2;y\r\n', ';')).rows).toEqual([
      ['1,5', 'x'],
      ['2', 'y'],
    ]);
    expect((await readAll('tabs.tsv', 'a\tb\n1\tx\n')).rows).toEqual([['1', 'x']]);
  });

  it('reads multi-byte UTF-8 text split across read chunks', async () => {
    const city = 'Zürich–Köln ✓ 東京'.repeat(100_000); // ≈ 3 MB: several 1 MB read chunks
    const { rows } = await readAll('utf8.csv', `a,city\n1,${city}\n`);
    expect(rows[0][1]).toBe(city);
  });

  it('reads gzip-compressed files', async () => {
    const { rows } = await readAll('data.csv.gz', gzipSync('a,b\n1,2\n'));
    expect(rows).toEqual([['1', '2']]);
  });

  it('reports a ragged row with its line', async () => {
    const error = await failure('ragged.csv', 'a,b\n1,2\n"x\ny",3\n4\n');
    expect(error.message).toMatch(/ragged\.csv line 5: ragged row: 1 field where the header has 2$/);
  });

  it('reports an unclosed quote', async () => {
    expect((await failure('quote.csv', 'a,b\n1,"open\n2,3\n')).message).toMatch(/a quoted field is never closed/);
  });

  it('reports duplicate column names on line 1', async () => {
    expect((await failure('dup.csv', 'a,b,a\n1,2,3\n')).message).toMatch(/dup\.csv line 1: column name "a" appears twice \(columns 1 and 3\)/);
  });

  it('reports bytes that are not UTF-8 with their line', async () => {
    const latin1 = Buffer.concat([Buffer.from('a,b\n1,x\n2,caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    expect((await failure('latin1.csv', latin1)).message).toMatch(/latin1\.csv line 3: invalid UTF-8 \(byte 0xe9 at offset 13\)/);
  });

  it('reports missing, empty and blank-only files', async () => {
    await expect(openCsvReader(resolveInputSpec(dir.file('nope.csv'), undefined, undefined))).rejects.toThrow(/nope\.csv: no such file/);
    await expect(openCsvReader(resolveInputSpec(dir.file('empty.csv', ''), undefined, undefined))).rejects.toThrow(/empty\.csv: is empty/);
    await expect(openCsvReader(resolveInputSpec(dir.file('blank.csv', '\n\n'), undefined, undefined))).rejects.toThrow(/has no header line/);
  });

  it('finds the line a data row ends on, counting newlines inside quotes', async () => {
    const reader = await openCsvReader(resolveInputSpec(dir.file('lines.csv', 'a,b\n1,"x\ny"\n\n2,z\n3,w\n'), undefined, undefined));
    await expect(reader.lineOfRow(0)).resolves.toBe(3);
    await expect(reader.lineOfRow(1)).resolves.toBe(5);
    await expect(reader.lineOfRow(2)).resolves.toBe(6);
    reader.close();
  });
});
