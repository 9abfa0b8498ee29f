/**
 * Benchmark of `mlops drift-report` (not a test: nothing here asserts timings).
 *
 *   node -r @swc-node/register bench/drift-report/drift-report.bench.ts [--rows 1000000] [--small-rows 100000] [--repeat 3]
 *   EVIDENTLY_PYTHON=/path/to/venv/bin/python …   # Evidently from this Python (default: .cache/venv-evidently,
 *                                                 # made with pip on first run; --no-evidently to skip it)
 *
 * Reference and current CSV files of N rows × 20 columns (12 numerical, 8 categorical; the current
 * file shifts 6 columns by various amounts) are generated once into --data-dir. Each contender
 * runs in its own process (peak memory = its own maximum RSS):
 * - mlops: the `mlops` binary, compiled first with `npm run build:cli` (as a published package
 *   ships it), default settings (every value kept up to --exact-rows 1 000 000: exact; a current
 *   file of 8 MB or more is read on a worker thread while the reference is read);
 * - mlops from source: the same binary without the build, compiling its TypeScript at load (large size only);
 * - mlops --no-parallel: the same on one thread (large size only);
 * - mlops (sketches): `--exact-rows` = the small size, so the large files go through the
 *   bounded-memory path (quantile sketches, two passes over the reference);
 * - naive: every row in memory, raw arrays sorted per column (exact normed Wasserstein,
 *   Jensen–Shannon), i.e. what a pandas script does;
 * - Evidently DataDriftPreset (same default methods at this size).
 * Wall time includes each process's start (interpreter, imports); CPU time (user + system) is
 * reported too, being less sensitive to other load on the machine.
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
import { evidentlyPython } from './evidently-python';

interface ColumnVerdict {
  readonly method?: string;
  readonly score: number;
  readonly drifted: boolean;
}

interface RunFigures {
  readonly contender: string;
  readonly rows: number;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
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
const EVIDENTLY_PYTHON = process.argv.includes('--no-evidently') ? null : evidentlyPython(ROOT);

interface Measured {
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly columns: Record<string, ColumnVerdict>;
}

/** Runs a contender REPEAT times; keeps the median wall time and peak memory, and the last decisions. */
function repeated(run: () => Measured): Measured {
  const runs = Array.from({ length: REPEAT }, run);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    wallSeconds: median(runs.map((r) => r.wallSeconds)),
    cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
    peakRssMb: median(runs.map((r) => r.peakRssMb)),
    columns: runs[runs.length - 1].columns,
  };
}

function runChild(command: string, args: string[], marker: string, extraEnv: Record<string, string> = {}): { wallSeconds: number; payload: Record<string, unknown> } {
  const started = performance.now();
  const env = { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...extraEnv };
  const child = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallSeconds = (performance.now() - started) / 1000;
  const line = child.stdout.split('\n').find((l) => l.startsWith(`${marker} `));
  if (child.status !== 0 || line === undefined) throw new Error(`${command} ${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
  return { wallSeconds, payload: JSON.parse(line.slice(marker.length + 1)) as Record<string, unknown> };
}

/**
 * The `mlops` binary itself (cli/bin/mlops.js), as a user runs it: the compiled CLI, built at the
 * start of the bench, or with `fromSource` its TypeScript sources compiled at load by SWC.
 */
function mlops(reference: string, current: string, json: string, extra: string[], fromSource = false): Measured {
  // Writes the HTML report too, as the Evidently script does.
  const html = json.replace(/\.json$/, '.html');
  const args = ['bench/drift-report/measure-process.js', 'cli/bin/mlops.js', 'drift-report', '--reference', reference, '--current', current, '--json', json, '--out', html, '--no-progress', '-q', ...extra];
  const { wallSeconds, payload } = runChild(process.execPath, args, 'CHILD', fromSource ? { MLOPS_CLI_FROM_SOURCE: '1' } : {});
  const report = JSON.parse(readFileSync(json, 'utf8')) as { columns: { name: string; method: string; score: number; drifted: boolean }[] };
  const columns = Object.fromEntries(report.columns.map((c) => [c.name, { method: c.method, score: c.score, drifted: c.drifted }]));
  return { wallSeconds, cpuSeconds: payload['cpuSeconds'] as number, peakRssMb: payload['peakRssMb'] as number, columns };
}

function naive(reference: string, current: string): Measured {
  const { wallSeconds, payload } = runChild(process.execPath, ['-r', '@swc-node/register', 'bench/drift-report/naive-child.ts', reference, current], 'CHILD');
  return { wallSeconds, cpuSeconds: payload['cpuSeconds'] as number, peakRssMb: payload['peakRssMb'] as number, columns: payload['columns'] as Record<string, ColumnVerdict> };
}

function evidently(python: string, reference: string, current: string, html: string): Measured {
  const { wallSeconds, payload } = runChild(python, ['bench/drift-report/evidently_drift.py', reference, current, html], 'EVIDENTLY');
  return { wallSeconds, cpuSeconds: payload['cpuSeconds'] as number, peakRssMb: payload['peakRssMb'] as number, columns: payload['columns'] as Record<string, ColumnVerdict> };
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

/** Compiles the CLI (`npm run build:cli`), so cli/bin/mlops.js runs the build as a published package would. */
function buildCli(): void {
  process.stderr.write('bench: building the CLI (npm run build:cli)…\n');
  const built = spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build:cli failed:\n${built.stdout}\n${built.stderr}`);
}

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  buildCli();
  const figures: RunFigures[] = [];
  const scoreGaps: Record<string, number> = {};
  const sideBySide: Record<string, { mlops: Record<string, ColumnVerdict>; evidently: Record<string, ColumnVerdict> }> = {};
  for (const rows of [SMALL_ROWS, ROWS]) {
    const reference = join(DATA_DIR, `reference-${rows}.csv`);
    const current = join(DATA_DIR, `current-${rows}.csv`);
    process.stderr.write(`bench: ${rows} rows: generating files (cached in ${DATA_DIR})…\n`);
    await writeBenchCsv(reference, rows, 1, false);
    await writeBenchCsv(current, rows, 2, true);
    const add = (contender: string, run: Measured, exact: Record<string, ColumnVerdict>) => {
      const drifted = Object.values(run.columns).filter((c) => c.drifted).length;
      figures.push({ contender, rows, wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, peakRssMb: run.peakRssMb, driftedColumns: drifted, ...compare(exact, run.columns) });
    };
    process.stderr.write('bench:   mlops…\n');
    const exact = repeated(() => mlops(reference, current, join(DATA_DIR, `report-${rows}.json`), []));
    add('mlops drift-report', exact, exact.columns);
    if (rows > SMALL_ROWS) {
      process.stderr.write('bench:   mlops from source (no build)…\n');
      add('mlops (from source, no build)', repeated(() => mlops(reference, current, join(DATA_DIR, `report-${rows}-source.json`), [], true)), exact.columns);
      process.stderr.write('bench:   mlops on one thread…\n');
      add('mlops --no-parallel', repeated(() => mlops(reference, current, join(DATA_DIR, `report-${rows}-serial.json`), ['--no-parallel'])), exact.columns);
      process.stderr.write('bench:   mlops with sketches…\n');
      const sketched = repeated(() => mlops(reference, current, join(DATA_DIR, `report-${rows}-sketch.json`), ['--exact-rows', String(SMALL_ROWS)]));
      add(`mlops --exact-rows ${SMALL_ROWS}`, sketched, exact.columns);
      scoreGaps[`${rows}`] = Math.max(...Object.keys(exact.columns).map((n) => Math.abs(exact.columns[n].score - sketched.columns[n].score)));
    }
    process.stderr.write('bench:   naive baseline…\n');
    add('naive (rows in memory, sort)', repeated(() => naive(reference, current)), exact.columns);
    if (EVIDENTLY_PYTHON !== null) {
      process.stderr.write('bench:   Evidently…\n');
      const python = EVIDENTLY_PYTHON;
      const run = repeated(() => evidently(python, reference, current, join(DATA_DIR, `evidently-${rows}.html`)));
      add('Evidently DataDriftPreset', run, exact.columns);
      sideBySide[`${rows}`] = { mlops: exact.columns, evidently: run.columns };
    }
  }
  printTable(figures);
  const large = sideBySide[`${ROWS}`];
  if (large !== undefined) printDecisions(large.mlops, large.evidently);
  const ratio = (contender: string, measure: 'wallSeconds' | 'cpuSeconds' | 'peakRssMb', rows = ROWS) => {
    const base = figures.find((f) => f.rows === rows && f.contender === 'mlops drift-report');
    const other = figures.find((f) => f.rows === rows && f.contender.startsWith(contender));
    return base !== undefined && other !== undefined ? other[measure] / base[measure] : null;
  };
  const speedup = (contender: string) => ratio(contender, 'wallSeconds');
  const versusEvidently = Object.fromEntries(
    [SMALL_ROWS, ROWS].map((rows) => [rows, { wall: ratio('Evidently', 'wallSeconds', rows), cpu: ratio('Evidently', 'cpuSeconds', rows), memory: ratio('Evidently', 'peakRssMb', rows) }]),
  );
  process.stdout.write(`\nshifted columns in the current file: ${Object.entries(SHIFTS).map(([c, s]) => `${c} (${s})`).join(', ')}\n`);
  process.stdout.write(
    `RESULT ${JSON.stringify({ rows: ROWS, smallRows: SMALL_ROWS, columns: 20, repeat: REPEAT, runs: figures, maxSketchScoreGap: scoreGaps, speedupVsNaive: speedup('naive'), speedupVsEvidently: speedup('Evidently'), versusEvidently })}\n`,
  );
}

function printTable(figures: readonly RunFigures[]): void {
  const header = ['rows', 'contender', 'wall s', 'CPU s', 'peak RSS MB', 'drifted', 'same decisions', 'differing columns (mlops vs other score)'];
  const rows = figures.map((f) => [String(f.rows), f.contender, f.wallSeconds.toFixed(1), f.cpuSeconds.toFixed(1), f.peakRssMb.toFixed(0), String(f.driftedColumns), f.agreement, f.disagreements.join('; ') || '–']);
  writeTable(header, rows);
}

/** Per column: the exact mlops decision next to Evidently's. */
function printDecisions(mlops: Record<string, ColumnVerdict>, evidently: Record<string, ColumnVerdict>): void {
  process.stdout.write(`\nper-column decisions at ${ROWS} rows:\n`);
  const verdict = (v: ColumnVerdict | undefined) => (v === undefined ? 'missing' : `${v.score.toFixed(4)} ${v.drifted ? 'DRIFT' : 'ok'}`);
  const rows = Object.keys(mlops).map((name) => [name, mlops[name].method ?? '', verdict(mlops[name]), evidently[name]?.method ?? '', verdict(evidently[name]), mlops[name].drifted === evidently[name]?.drifted ? 'yes' : 'NO']);
  writeTable(['column', 'mlops method', 'mlops', 'Evidently method', 'Evidently', 'same'], rows);
}

function writeTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(`${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`);
}

void main();
