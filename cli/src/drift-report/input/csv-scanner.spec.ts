import { InputFileError } from '../errors';
import { CsvScanner } from './csv-scanner';

/** Rows (as text, with the line each ends on) of `text` fed in the given pieces. */
function scan(pieces: Buffer[], delimiter = ','): { fields: string[]; line: number }[] {
  const scanner = new CsvScanner('f.csv', delimiter.charCodeAt(0), 2);
  const rows: { fields: string[]; line: number }[] = [];
  const onRow = (row: { texts(): string[]; line: number }) => rows.push({ fields: row.texts(), line: row.line });
  for (const piece of pieces) scanner.feed(piece, onRow);
  scanner.finish(onRow);
  return rows;
}

/** Every way of cutting `bytes` in two, plus byte-by-byte. */
function cuts(bytes: Buffer): Buffer[][] {
  const halves = Array.from({ length: bytes.length + 1 }, (_, i) => [bytes.subarray(0, i), bytes.subarray(i)]);
  return [...halves, Array.from(bytes, (b) => Buffer.from([b]))];
}

describe('CsvScanner', () => {
  const text = Buffer.from('\uFEFFid,note,x\r\n1,"a, b",2\r\n\r\n2,"say ""hi""",\n3,"two\nlines",4\n4,plain "quote",5\n5,"",6');
  const expected = [
    { fields: ['id', 'note', 'x'], line: 1 },
    { fields: ['1', 'a, b', '2'], line: 2 },
    { fields: ['2', 'say "hi"', ''], line: 4 },
    { fields: ['3', 'two\nlines', '4'], line: 6 },
    { fields: ['4', 'plain "quote"', '5'], line: 7 },
    { fields: ['5', '', '6'], line: 8 },
  ];

  it('reads quotes, doubled quotes, embedded newlines, CRLF, a BOM and a last line without a line end, wherever the chunks are cut', () => {
    for (const pieces of cuts(text)) expect(scan(pieces)).toEqual(expected);
  });

  it('reads another delimiter', () => {
    expect(scan([Buffer.from('a;b\n1,5;"x;y"\n')], ';').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1,5', 'x;y'],
    ]);
  });

  it('reports an unclosed quote and a character after a closing quote, with the line', () => {
    expect(() => scan([Buffer.from('a,b\n1,"open\n2,3\n')])).toThrow(new InputFileError('f.csv', 'a quoted field is never closed (missing ")', 2));
    expect(() => scan([Buffer.from('a,b\n1,"x"y\n')])).toThrow(/f\.csv line 2: not valid CSV: a character follows a closing quote \("y"\)/);
  });
});
