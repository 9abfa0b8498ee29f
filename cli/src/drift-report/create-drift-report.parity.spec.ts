import { readFileSync } from 'node:fs';
import { classificationMetrics, compareColumns, FeatureSchema, inferSchema } from '@mlops/drift-stats';
import { runMlops } from '../__test-support__/run-mlops';
import { SyntheticColumn, syntheticColumns, toCsv, toJsonl } from '../__test-support__/synthetic-data';
import { tempDir } from '../__test-support__/temp-dir';
import type { ColumnReport, DriftReportJson } from './report/drift-report.types';

const dir = tempDir();
afterAll(() => dir.cleanup());

type Columns = Record<string, SyntheticColumn>;

/** What drift-stats says when called directly on the same values, target and prediction included. */
function direct(reference: Columns, current: Columns) {
  const roles: Record<string, FeatureSchema['role']> = { y: 'label', y_pred: 'prediction' };
  const schema = inferSchema(reference).map((s) => ({ ...s, role: roles[s.name] ?? 'feature' }));
  return compareColumns(reference, current, { schema });
}

async function viaCli(reference: Columns, current: Columns, format: 'csv' | 'jsonl', extra: string[] = []): Promise<DriftReportJson> {
  const write = (name: string, columns: Columns) => dir.file(`${name}.${format}`, format === 'csv' ? toCsv(columns) : toJsonl(columns));
  const json = dir.file(`report-${format}.json`);
  const run = await runMlops([
    'drift-report',
    '--reference',
    write(`ref-${format}`, reference),
    '--current',
    write(`cur-${format}`, current),
    '--target',
    'y',
    '--prediction',
    'y_pred',
    '--json',
    json,
    '-q',
    ...extra,
  ]);
  expect(run.stderr).toBe('');
  return JSON.parse(readFileSync(json, 'utf8')) as DriftReportJson;
}

const pick = (c: ColumnReport | { name: string; type: string; role: string; method: string; score: number; pValue?: number; threshold: number; drifted: boolean }) => ({
  name: c.name,
  type: c.type,
  role: c.role,
  method: c.method,
  score: c.score,
  pValue: c.pValue,
  threshold: c.threshold,
  drifted: c.drifted,
});

describe('drift-report parity with drift-stats', () => {
  // 800 rows: small-reference tests (ks, chi-square, z-test with effect floors); 4000 rows: distances.
  it.each([
    [800, 'csv'],
    [800, 'jsonl'],
    [4000, 'csv'],
  ] as const)('%i rows as %s: per-column results equal compareColumns on the same values', async (rows, format) => {
    const reference = syntheticColumns({ rows, seed: 11, shift: 0 });
    const current = syntheticColumns({ rows: rows - 100, seed: 12, shift: 0.4 });
    const report = await viaCli(reference, current, format);
    const expected = direct(reference, current);
    const byName = (name: string) => report.columns.find((c) => c.name === name);
    for (const column of expected.columns) expect(pick(byName(column.name) as ColumnReport)).toEqual(pick(column));
    expect(report.datasetDrift).toEqual(expected.datasetDrift);
    expect(report.targetDrift?.score).toBe(expected.labelDrift?.score);
    expect(report.predictionDrift?.score).toBe(expected.predictionDrift?.score);
    expect(report.performance?.current).toEqual(classificationMetrics(current['y'] as number[], current['y_pred'] as number[]));
    expect(report.columns.every((c) => !c.approximate)).toBe(true);
  });

  it('reads a ";"-separated file exactly like a comma-separated one', async () => {
    const reference = syntheticColumns({ rows: 500, seed: 5, shift: 0 });
    const current = syntheticColumns({ rows: 500, seed: 6, shift: 0.5 });
    const semicolon = dir.file('ref-semi.csv', toCsv(reference, ';'));
    const comma = await viaCli(reference, current, 'csv');
    const json = dir.file('semi.json');
    await runMlops(['drift-report', '--reference', semicolon, '--current', dir.file('cur-semi.csv', toCsv(current, ';')), '--delimiter', ';', '--target', 'y', '--prediction', 'y_pred', '--json', json, '-q']);
    const semi = JSON.parse(readFileSync(json, 'utf8')) as DriftReportJson;
    expect(semi.columns.map(pick)).toEqual(comma.columns.map(pick));
  });

  it('past --exact-rows uses sketches, says so, and keeps the verdicts of the exact run', async () => {
    const reference = syntheticColumns({ rows: 6000, seed: 21, shift: 0 });
    const current = syntheticColumns({ rows: 6000, seed: 22, shift: 0.5 });
    const exact = await viaCli(reference, current, 'csv');
    const sketched = await viaCli(reference, current, 'csv', ['--exact-rows', '1000']);
    expect(sketched.reference).toMatchObject({ rows: 6000, exact: false });
    expect(sketched.current).toMatchObject({ rows: 6000, exact: false });
    for (const column of exact.columns) {
      const approx = sketched.columns.find((c) => c.name === column.name) as ColumnReport;
      expect(approx.method).toBe(column.method);
      expect(approx.drifted).toBe(column.drifted);
      if (column.type === 'numerical' && column.method === 'wasserstein-normed') {
        expect(approx.approximate).toBe(true);
        expect(Math.abs(approx.score - column.score)).toBeLessThan(0.02);
      } else {
        expect(approx.score).toBeCloseTo(column.score, 2); // binned on sketch-derived edges / exact category counts
      }
    }
    expect(sketched.performance).toEqual(exact.performance);
  });
});
