import { readFileSync } from 'node:fs';
import { runMlops } from '../../__test-support__/run-mlops';
import { syntheticColumns, toCsv } from '../../__test-support__/synthetic-data';
import { tempDir } from '../../__test-support__/temp-dir';
import { DRIFT_REPORT_DEFAULTS } from '../drift-report-options';
import type { DriftReportJson } from '../report/drift-report.types';

/*
 * A current file of 8 MB or more is read on a worker thread while the reference is read here.
 * Whatever the path, the report must be the one the sequential read gives.
 */
const dir = tempDir();
afterAll(() => dir.cleanup());

const ROWS = 340_000; // ≈ 8.8 MB of CSV
const reference = dir.file('reference.csv', toCsv(syntheticColumns({ rows: 20_000, seed: 31, shift: 0 })));
const currentText = toCsv(syntheticColumns({ rows: ROWS, seed: 32, shift: 0.3 }));
const current = dir.file('current.csv', currentText);

async function report(name: string, extra: string[], file = current): Promise<{ json: DriftReportJson | null; code: number; stderr: string }> {
  const json = dir.file(`${name}.json`);
  const run = await runMlops(['drift-report', '--reference', reference, '--current', file, '--json', json, '--target', 'y', '--prediction', 'y_pred', '-q', ...extra]);
  return { json: run.code === 0 ? (JSON.parse(readFileSync(json, 'utf8')) as DriftReportJson) : null, code: run.code, stderr: run.stderr };
}

describe('reading the current file on a worker thread', () => {
  jest.setTimeout(180_000);

  it('is used for large files and gives the same report as reading one file after the other', async () => {
    expect(Buffer.byteLength(currentText)).toBeGreaterThan(DRIFT_REPORT_DEFAULTS.parallelMinBytes);
    const parallel = await report('parallel', []);
    const sequential = await report('sequential', ['--no-parallel']);
    expect(parallel.stderr).toBe('');
    expect(parallel.json?.current).toMatchObject({ rows: ROWS, exact: true });
    expect(parallel.json).toEqual(sequential.json);
  });

  it('falls back to streaming when the current file passes --exact-rows, with the same report', async () => {
    const parallel = await report('parallel-sketch', ['--exact-rows', '100000']);
    const sequential = await report('sequential-sketch', ['--exact-rows', '100000', '--no-parallel']);
    expect(parallel.json?.current).toMatchObject({ rows: ROWS, exact: false });
    expect(parallel.json).toEqual(sequential.json);
  });

  it('reports a bad value found by the worker like the sequential read does (file, line, column; exit code 2)', async () => {
    const lines = currentText.split('\n');
    lines[200_000] = lines[200_000].replace(/^[^,]*/, 'oops');
    const bad = dir.file('bad.csv', lines.join('\n'));
    const parallel = await report('bad-parallel', [], bad);
    const sequential = await report('bad-sequential', ['--no-parallel'], bad);
    expect(parallel.code).toBe(2);
    expect(parallel.stderr).toMatch(/bad\.csv line 200001, column "income": "oops" is not a number/);
    expect(parallel.stderr).toBe(sequential.stderr);
  });
});
