/**
 * Benchmark of `mlops drift-report` (not a test: nothing here asserts timings).
 *
 *   node -r @swc-node/register bench/drift-report/drift-report.bench.ts [--rows 1000000] [--small-rows 100000] [--repeat 3]
 *   EVIDENTLY_PYTHON=/path/to/venv/bin/python …   # also run Evidently (pip install evidently 'pandas<3')
 *
 * Reference and current CSV files of N rows × 20 columns (12 numerical, 8 categorical; the current
 * file shifts 6 columns by various amounts) are generated once into --data-dir. Each contender
 * runs in its own process (peak memory = its own maximum RSS):
 * - mlops: the CLI, default settings (every value kept up to --exact-rows 1 000 000: exact);
 * - mlops (sketches): `--exact-rows` = the small size, so the large files go through the
 *   bounded-memory path (quantile sketches, two passes over the reference);
 * - naive: every row in memory, raw arrays sorted per column (exact normed Wasserstein,
 *   Jensen–Shannon), i.e. what a pandas script does;
 * - Evidently DataDriftPreset, when EVIDENTLY_PYTHON is set (same default methods at this size).
 * With --repeat N each contender runs N times and the median wall time and peak memory are kept
 * (the machine's other load shows up as noise otherwise). Per-column drift decisions are
 * compared with the exact mlops run. Prints a table, then
 * `RESULT {json}` as the very last line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SHIFTS, writeBenchCsv } from './bench-data';

interface ColumnVerdict {
  readonly score: number;
  readonly drifted: boolean;
}

interface RunFigures {
  readonly contender: string;
  readonly rows: number;
  readonly wallSeconds: number;
  readonly peakRssMb: number;
  readonly driftedColumns: number;
  readonly agreement: string;
  readonly disagreements: string[];
}

const ROOT = resolve(__dirname, '../..');

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const ROWS = Number(argument('rows', '1000000'));
const SMALL_ROWS = Number(argument('small-rows', '100000'));
const DATA_DIR = argument('data-dir', join(tmpdir(), 'mlops-bench-drift-report'));
const REPEAT = Number(argument('repeat', '1'));
const EVIDENTLY_PYTHON = process.env['EVIDENTLY_PYTHON'];

interface Measured {
  readonly wallSeconds: number;
  readonly peakRssMb: number;
  readonly columns: Record<string, ColumnVerdict>;
}

/** Runs a contender REPEAT times; keeps the median wall time and peak memory, and the last decisions. */
function repeated(run: () => Measured): Measured {
  const runs = Array.from({ length: REPEAT }, run);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wallSeconds: median(runs.map((r) => r.wallSeconds)), peakRssMb: median(runs.map((r) => r.peakRssMb)), columns: runs[runs.length - 1].columns };
}

function runChild(command: string, args: string[], marker: string): { wallSeconds: number; payload: Record<string, unknown> } {
  const started = performance.now();
  const env = { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') };
  const child = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallSeconds = (performance.now() - started) / 1000;
  const line = child.stdout.split('\n').find((l) => l.startsWith(`${marker} `));
  if (child.status !== 0 || line === undefined) throw new Error(`${command} ${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
  return { wallSeconds, payload: JSON.parse(line.slice(marker.length + 1)) as Record<string, unknown> };
}

function mlops(reference: string, current: string, json: string, extra: string[]): Measured {
  const args = ['-r', '@swc-node/register', 'bench/drift-report/measured-child.ts', 'mlops', 'drift-report', '--reference', reference, '--current', current, '--json', json, '--no-progress', '-q', ...extra];
  const { wallSeconds, payload } = runChild(process.execPath, args, 'CHILD');
  const report = JSON.parse(readFileSync(json, 'utf8')) as { columns: { name: string; score: number; drifted: boolean }[] };
  return { wallSeconds, peakRssMb: payload['peakRssMb'] as number, columns: Object.fromEntries(report.columns.map((c) => [c.name, { score: c.score, drifted: c.drifted }])) };
}

function naive(reference: string, current: string): Measured {
  const { wallSeconds, payload } = runChild(process.execPath, ['-r', '@swc-node/register', 'bench/drift-report/measured-child.ts', 'naive', reference, current], 'CHILD');
  return { wallSeconds, peakRssMb: payload['peakRssMb'] as number, columns: payload['columns'] as Record<string, ColumnVerdict> };
}

function evidently(python: string, reference: string, current: string, html: string): Measured {
  const { wallSeconds, payload } = runChild(python, ['bench/drift-report/evidently_drift.py', reference, current, html], 'EVIDENTLY');
  return { wallSeconds, peakRssMb: payload['peakRssMb'] as number, columns: payload['columns'] as Record<string, ColumnVerdict> };
}

/** Agreement of per-column decisions with the exact mlops run, and the columns that differ. */
function compare(exact: Record<string, ColumnVerdict>, other: Record<string, ColumnVerdict>): { agreement: string; disagreements: string[] } {
  const names = Object.keys(exact);
  const differ = names.filter((n) => other[n] === undefined || other[n].drifted !== exact[n].drifted);
  return {
    agreement: `${names.length - differ.length}/${names.length}`,
    disagreements: differ.map((n) => `${n}: ${exact[n].score.toFixed(4)} vs ${other[n]?.score.toFixed(4) ?? 'missing'}`),
  };
}

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  const figures: RunFigures[] = [];
  const scoreGaps: Record<string, number> = {};
  for (const rows of [SMALL_ROWS, ROWS]) {
    const reference = join(DATA_DIR, `reference-${rows}.csv`);
    const current = join(DATA_DIR, `current-${rows}.csv`);
    process.stderr.write(`bench: ${rows} rows: generating files (cached in ${DATA_DIR})…\n`);
    await writeBenchCsv(reference, rows, 1, false);
    await writeBenchCsv(current, rows, 2, true);
    const add = (contender: string, run: Measured, exact: Record<string, ColumnVerdict>) => {
      const drifted = Object.values(run.columns).filter((c) => c.drifted).length;
      figures.push({ contender, rows, wallSeconds: run.wallSeconds, peakRssMb: run.peakRssMb, driftedColumns: drifted, ...compare(exact, run.columns) });
    };
    process.stderr.write('bench:   mlops…\n');
    const exact = repeated(() => mlops(reference, current, join(DATA_DIR, `report-${rows}.json`), []));
    add('mlops drift-report', exact, exact.columns);
    if (rows > SMALL_ROWS) {
      process.stderr.write('bench:   mlops with sketches…\n');
      const sketched = repeated(() => mlops(reference, current, join(DATA_DIR, `report-${rows}-sketch.json`), ['--exact-rows', String(SMALL_ROWS)]));
      add(`mlops --exact-rows ${SMALL_ROWS}`, sketched, exact.columns);
      scoreGaps[`${rows}`] = Math.max(...Object.keys(exact.columns).map((n) => Math.abs(exact.columns[n].score - sketched.columns[n].score)));
    }
    process.stderr.write('bench:   naive baseline…\n');
    add('naive (rows in memory, sort)', repeated(() => naive(reference, current)), exact.columns);
    if (EVIDENTLY_PYTHON !== undefined) {
      process.stderr.write('bench:   Evidently…\n');
      const python = EVIDENTLY_PYTHON;
      add('Evidently DataDriftPreset', repeated(() => evidently(python, reference, current, join(DATA_DIR, `evidently-${rows}.html`))), exact.columns);
    }
  }
  printTable(figures);
  const speedup = (contender: string) => {
    const base = figures.find((f) => f.rows === ROWS && f.contender === 'mlops drift-report');
    const other = figures.find((f) => f.rows === ROWS && f.contender.startsWith(contender));
    return base !== undefined && other !== undefined ? other.wallSeconds / base.wallSeconds : null;
  };
  process.stdout.write(`\nshifted columns in the current file: ${Object.entries(SHIFTS).map(([c, s]) => `${c} (${s})`).join(', ')}\n`);
  process.stdout.write(
    `RESULT ${JSON.stringify({ rows: ROWS, smallRows: SMALL_ROWS, columns: 20, repeat: REPEAT, runs: figures, maxSketchScoreGap: scoreGaps, speedupVsNaive: speedup('naive'), speedupVsEvidently: speedup('Evidently') })}\n`,
  );
}

function printTable(figures: readonly RunFigures[]): void {
  const header = ['rows', 'contender', 'wall s', 'peak RSS MB', 'drifted', 'same decisions', 'differing columns (mlops vs other score)'];
  const rows = figures.map((f) => [String(f.rows), f.contender, f.wallSeconds.toFixed(1), f.peakRssMb.toFixed(0), String(f.driftedColumns), f.agreement, f.disagreements.join('; ') || '–']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(`${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`);
}

void main();
