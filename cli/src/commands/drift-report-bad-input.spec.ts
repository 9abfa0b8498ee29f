import { mkdirSync } from 'node:fs';
import { runMlops } from '../__test-support__/run-mlops';
import { syntheticColumns, toCsv } from '../__test-support__/synthetic-data';
import { tempDir } from '../__test-support__/temp-dir';

const dir = tempDir();
afterAll(() => dir.cleanup());

const good = dir.file('good.csv', toCsv(syntheticColumns({ rows: 200, seed: 1, shift: 0 })));
const file = (name: string, content: string | Buffer) => dir.file(name, content);

/** Each bad input: extra arguments (or a full argument list) and the message expected on stderr. */
const CASES: readonly (readonly [string, () => string[], RegExp])[] = [
  ['a missing file', () => ['--reference', dir.file('absent.csv'), '--current', good], /absent\.csv: no such file$/],
  ['an empty file', () => ['--reference', file('empty.csv', ''), '--current', good], /empty\.csv: is empty \(0 bytes\)/],
  ['a header-only file', () => ['--reference', good, '--current', file('header.csv', 'income,age\n')], /header\.csv: has a header but no data rows$/],
  ['a directory', () => ['--reference', dir.path, '--current', good], /is a directory, expected a file$/],
  ['a ragged row', () => ['--reference', file('ragged.csv', 'a,b\n1,2\n3\n'), '--current', good], /ragged\.csv line 3: ragged row: 1 field where the header has 2$/],
  ['non-UTF-8 bytes', () => ['--reference', file('latin1.csv', Buffer.from('a,b\n1,caf\xe9\n', 'latin1')), '--current', good], /latin1\.csv line 2: invalid UTF-8 \(byte 0xe9/],
  [
    'columns in one file only',
    () => ['--reference', file('ab.csv', 'a,b\n1,2\n'), '--current', file('ac.csv', 'a,c\n1,2\n')],
    /the files have different columns \(only in .*ab\.csv: "b"; only in .*ac\.csv: "c"\); pass --allow-missing-columns/,
  ],
  ['no common column', () => ['--reference', file('x.csv', 'x\n1\n'), '--current', good], /no column in common: .*x\.csv has "x"; .*good\.csv has "income"/],
  [
    'a mixed column in the first rows',
    () => ['--reference', file('mixed.csv', 'a,b\n1,x\n2,y\n3,z\n'), '--current', file('mixed-cur.csv', 'a,b\n4,x\nfour,y\n')],
    /mixed-cur\.csv line 3, column "a": "four" among numbers \(80\.0% .*declare the column categorical in --column-mapping\.$/,
  ],
  [
    'a mixed column after the inference rows',
    () => ['--reference', file('late.csv', `a,b\n${'1,x\n'.repeat(30)}oops,y\n`), '--current', file('late-cur.csv', 'a,b\n1,x\n'), '--infer-rows', '10'],
    /late\.csv line 32, column "a": "oops" is not a number, but the column was inferred from the first 10 rows of each file as numerical/,
  ],
  ['an unparsable mapping', () => ['--reference', good, '--current', good, '--column-mapping', file('bad.json', '{ "target": ')], /--column-mapping .*bad\.json: not valid JSON/],
  ['a mapping naming an unknown column', () => ['--reference', good, '--current', good, '--column-mapping', file('m.json', '{"ignore":["agee"]}')], /ignore names "agee", not a column of both files/],
  ['an unknown target', () => ['--reference', good, '--current', good, '--target', 'label'], /--target "label": not a column of both files/],
  ['a bad share', () => ['--reference', good, '--current', good, '--drift-share', '1.5'], /--drift-share: expected a share in \[0, 1\]$/],
  ['an unknown method', () => ['--reference', good, '--current', good, '--method', 'magic'], /--method: unknown method "magic" \(known: ks, /],
  ['a method for the wrong type', () => ['--reference', good, '--current', good, '--method', 'city=ks'], /method ks cannot test categorical column "city"/],
  ['a method needing a threshold', () => ['--reference', good, '--current', good, '--method', 'age=wasserstein'], /method wasserstein has no default threshold .*add --threshold age=VALUE/],
  ['a p-value threshold above 1', () => ['--reference', good, '--current', good, '--num-method', 'ks', '--num-threshold', '5'], /method ks decides on a p-value: threshold 5 for "income" must be in \[0, 1\]/],
  ['a bad delimiter', () => ['--reference', good, '--current', good, '--delimiter', ';;'], /--delimiter: expected one character/],
  ['a bad row count', () => ['--reference', good, '--current', good, '--exact-rows', 'many'], /--exact-rows: expected a whole number/],
  ['an unknown flag', () => ['--reference', good, '--current', good, '--colour'], /unknown option '--colour'/],
  ['a missing required flag', () => ['--reference', good], /required option '--current <file>' not specified/],
  ['an output that is a directory', () => ['--reference', good, '--current', good, '--out', dir.path], /--out .*: is a directory, expected a file name$/],
  ['a gzip-compressed Parquet file', () => ['--reference', 'a.parquet.gz', '--current', good], /a\.parquet\.gz: a gzip-compressed Parquet file/],
];

describe('mlops drift-report: bad input', () => {
  beforeAll(() => mkdirSync(dir.path, { recursive: true }));

  it.each(CASES)('%s: exit code 2 and a clear message', async (_name, args, message) => {
    const run = await runMlops(['drift-report', ...args(), '-q']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });
});
