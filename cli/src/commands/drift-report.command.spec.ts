import { readFileSync } from 'node:fs';
import { runMlops } from '../__test-support__/run-mlops';
import { syntheticColumns, toCsv } from '../__test-support__/synthetic-data';
import { tempDir } from '../__test-support__/temp-dir';
import type { DriftReportJson } from '../drift-report/report/drift-report.types';

const dir = tempDir();
afterAll(() => dir.cleanup());

const reference = dir.file('reference.csv', toCsv(syntheticColumns({ rows: 3000, seed: 1, shift: 0 })));
const similar = dir.file('similar.csv', toCsv(syntheticColumns({ rows: 2000, seed: 2, shift: 0 })));
const drifted = dir.file('drifted.csv', toCsv(syntheticColumns({ rows: 2000, seed: 3, shift: 1 })));

describe('mlops drift-report', () => {
  it('writes the JSON report in the documented shape', async () => {
    const json = dir.file('report.json');
    const run = await runMlops(['drift-report', '--reference', reference, '--current', drifted, '--json', json, '--target', 'y', '--prediction', 'y_pred', '-q']);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    const report = JSON.parse(readFileSync(json, 'utf8')) as DriftReportJson;
    expect(report).toMatchObject({
      format: 'mlops.drift-report',
      version: 1,
      generatedAt: '2026-01-02T03:04:05.000Z',
      reference: { file: reference, rows: 3000, exact: true },
      current: { file: drifted, rows: 2000, exact: true },
      datasetDrift: { share: 1, threshold: 0.1, drifted: true, driftedCount: 5, evaluatedCount: 5, skippedCount: 0 },
      targetDrift: { name: 'y', role: 'label' },
      predictionDrift: { name: 'y_pred', role: 'prediction' },
      performance: { task: 'classification', target: 'y', prediction: 'y_pred' },
      ignoredColumns: [],
    });
    expect(report.columns.map((c) => c.name)).toEqual(['income', 'age', 'children', 'city', 'member', 'y_pred', 'y']);
    for (const column of report.columns) {
      expect(Object.keys(column)).toEqual(expect.arrayContaining(['name', 'type', 'role', 'method', 'score', 'threshold', 'drifted', 'reference', 'current', 'chart']));
      expect(typeof column.score).toBe('number');
      expect('pValue' in column).toBe(column.decidedBy === 'p-value');
    }
    const income = report.columns[0];
    expect(income).toMatchObject({ type: 'numerical', method: 'wasserstein-normed', approximate: false, reference: { kind: 'numerical', missing: expect.any(Number) } });
    expect(income.chart.kind).toBe('histogram');
    expect(report.columns.find((c) => c.name === 'city')?.chart).toMatchObject({ kind: 'categories', categories: expect.arrayContaining(['Paris', 'Lisbon']) });
    const perf = report.performance?.current as { accuracy: number };
    expect(perf.accuracy).toBeGreaterThan(0.6);
  });

  it('prints a one-screen summary on stdout', async () => {
    const out = dir.file('r.html');
    const run = await runMlops(['drift-report', '--reference', reference, '--current', drifted, '--out', out]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Drift report: ${reference} (3,000 rows) → ${drifted} (2,000 rows)`);
    expect(lines[2]).toMatch(/^Dataset drift: DETECTED: \d of 7 features drifted \([\d.]+%; threshold: more than 10%\)$/);
    expect(run.stdout).toMatch(/^column +type +method +score +p-value +threshold +drift$/m);
    expect(run.stdout).toMatch(/^income +numerical +wasserstein-normed +[\d.]+ +0\.1 +DRIFT$/m);
    expect(run.stdout).toContain(`Wrote ${out}`);
    expect(lines.length).toBeLessThan(30);
  });

  it('puts the JSON on stdout with --json - and the summary on stderr', async () => {
    const run = await runMlops(['drift-report', '--reference', reference, '--current', similar, '--json', '-']);
    expect((JSON.parse(run.stdout) as DriftReportJson).datasetDrift.drifted).toBe(false);
    expect(run.stderr).toMatch(/^Dataset drift: not detected/m);
  });

  it.each([
    ['no drift', similar, [], 0],
    ['no drift, gate on', similar, ['--fail-on-drift'], 0],
    ['drift, gate off (the default)', drifted, [], 0],
    ['drift, gate on', drifted, ['--fail-on-drift'], 1],
  ])('exit code: %s', async (_name, current, extra, code) => {
    const run = await runMlops(['drift-report', '--reference', reference, '--current', current, '-q', ...extra]);
    expect(run.code).toBe(code);
  });

  it('stops with exit code 130 when interrupted', async () => {
    const stop = new AbortController();
    stop.abort();
    const run = await runMlops(['drift-report', '--reference', reference, '--current', drifted, '-q'], stop.signal);
    expect(run).toMatchObject({ code: 130, stderr: 'mlops drift-report: interrupted\n' });
  });

  it('lists its flags, exit codes and methods in --help', async () => {
    const run = await runMlops(['drift-report', '--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--reference', '--current', '--out', '--json', '--target', '--prediction', '--column-mapping', '--method', '--threshold', '--drift-share', '--delimiter', '--fail-on-drift', '--exact-rows', '--no-progress']) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toMatch(/Exit codes:[\s\S]*2 +bad input/);
    expect(run.stdout).toContain('wasserstein-normed');
  });
});
