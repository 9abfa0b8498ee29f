import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../__test-support__/temp-dir';
import type { DriftReportJson } from '../drift-report/report/drift-report.types';

/*
 * Parquet is read with hyparquet, an ESM-only package that jest's CommonJS runtime cannot load:
 * these specs run the real binary (`node cli/bin/mlops.js`) in a child process. The fixtures and
 * the script that made them (pyarrow) are in cli/src/drift-report/input/fixtures.
 */
const ROOT = resolve(__dirname, '../../..');
const FIXTURES = join(ROOT, 'cli/src/drift-report/input/fixtures');
const dir = tempDir();
afterAll(() => dir.cleanup());

function mlops(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'cli/bin/mlops.js'), 'drift-report', ...args, '-q', '--no-progress'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function report(reference: string, current: string, name: string): DriftReportJson {
  const json = dir.file(`${name}.json`);
  const run = mlops(['--reference', reference, '--current', current, '--json', json, '--target', 'score']);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(readFileSync(json, 'utf8')) as DriftReportJson;
}

/** The report without what names the files. */
function content(r: DriftReportJson): unknown {
  return { ...r, generatedAt: null, reference: { ...r.reference, file: null }, current: { ...r.current, file: null } };
}

/** The CSV fixture as JSON Lines (numbers, booleans and nulls as JSON values). */
function csvToJsonl(file: string): string {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const names = header.split(',');
  const value = (text: string) => (text === '' ? null : text === 'true' ? true : text === 'false' ? false : Number.isNaN(Number(text)) ? text : Number(text));
  return `${lines.map((line) => JSON.stringify(Object.fromEntries(line.split(',').map((text, i) => [names[i], value(text)])))).join('\n')}\n`;
}

describe('mlops drift-report: Parquet and JSON Lines input', () => {
  const fromCsv = report(join(FIXTURES, 'reference.csv'), join(FIXTURES, 'current.csv'), 'csv');

  it('reads Parquet (snappy with several row groups; zstd with dictionary pages) exactly like the same rows in CSV', () => {
    const fromParquet = report(join(FIXTURES, 'reference.parquet'), join(FIXTURES, 'current.parquet'), 'parquet');
    expect(fromParquet.reference).toMatchObject({ rows: 1500, exact: true });
    expect(fromParquet.current).toMatchObject({ rows: 1200, exact: true });
    expect(fromParquet.columns.map((c) => [c.name, c.type])).toEqual([
      ['income', 'numerical'],
      ['age', 'numerical'],
      ['city', 'categorical'],
      ['member', 'boolean'],
      ['score', 'numerical'],
    ]);
    expect(fromParquet.columns.find((c) => c.name === 'income')?.reference).toMatchObject({ missing: 41 }); // every 37th income is null
    expect(content(fromParquet)).toEqual(content(fromCsv));
  });

  it('reads JSON Lines exactly like the same rows in CSV', () => {
    const reference = dir.file('reference.jsonl', csvToJsonl(join(FIXTURES, 'reference.csv')));
    const current = dir.file('current.jsonl', csvToJsonl(join(FIXTURES, 'current.csv')));
    expect(content(report(reference, current, 'jsonl'))).toEqual(content(fromCsv));
  });

  it('mixes formats: a Parquet reference against a CSV current file', () => {
    expect(content(report(join(FIXTURES, 'reference.parquet'), join(FIXTURES, 'current.csv'), 'mixed'))).toEqual(content(fromCsv));
  });

  it('rejects a file that is not Parquet with exit code 2 and a message naming it', () => {
    const fake = dir.file('fake.parquet', 'income,age\n1,2\n');
    const run = mlops(['--reference', fake, '--current', join(FIXTURES, 'current.parquet')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd()).toMatch(/fake\.parquet: not a readable Parquet file \(.+\)$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
