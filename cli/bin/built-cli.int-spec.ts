import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'cli/bin/mlops.js');

/** A CSV of `rows` rows: 8 numerical columns (shifted by `shift`) and 2 categorical ones; > 8 MB at 130k rows. */
async function writeCsv(path: string, rows: number, shift: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${[...Array.from({ length: 8 }, (_, i) => `num_${i}`), 'cat_a', 'cat_b'].join(',')}\n`);
  let seed = 17 + shift;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let r = 0; r < rows; r++) {
    const cells = Array.from({ length: 8 }, (_, i) => (next() * 100 + (i === 0 ? shift : 0)).toFixed(4));
    if (!out.write(`${cells.join(',')},a${Math.floor(next() * 4)},b${Math.floor(next() * 6)}\n`)) await new Promise<void>((drained) => out.once('drain', () => drained()));
  }
  await new Promise<void>((done) => out.end(() => done()));
}

/** Runs bin/mlops.js; a preloaded probe records whether SWC compiled anything in the process. */
function runBin(args: string[], dir: string, fromSource: boolean): { status: number | null; usedSwc: boolean; stderr: string } {
  const probe = join(dir, 'probe.js');
  const marker = join(dir, `swc-${fromSource}.txt`);
  writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(marker)}, String(Object.keys(require.cache).some((p) => p.includes('@swc-node')))));`);
  const env = { ...process.env, NODE_OPTIONS: `--require ${probe}`, MLOPS_CLI_FROM_SOURCE: fromSource ? '1' : '0' };
  const child = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  if (child.status === null || !existsSync(marker)) throw new Error(`mlops ${args.join(' ')} did not finish (${child.signal ?? child.status}):\n${child.stderr}`);
  return { status: child.status, usedSwc: readFileSync(marker, 'utf8') === 'true', stderr: child.stderr };
}

describe('the compiled CLI (npm run build:cli) behind bin/mlops.js', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'built-cli-'));
    const build = spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build:cli failed:\n${build.stdout}\n${build.stderr}`);
    await writeCsv(join(dir, 'reference.csv'), 130_000, 0);
    await writeCsv(join(dir, 'current.csv'), 130_000, 20);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same report as the sources, reading the current file on its compiled worker thread', () => {
    // Over the 8 MB threshold, so the current file is read on the worker (its entry differs between the two).
    expect(statSync(join(dir, 'current.csv')).size).toBeGreaterThan(8 * 1024 * 1024);
    const reports = [false, true].map((fromSource) => {
      const json = join(dir, `report-${fromSource}.json`);
      const run = runBin(['drift-report', '--reference', join(dir, 'reference.csv'), '--current', join(dir, 'current.csv'), '--json', json, '--out', join(dir, `report-${fromSource}.html`), '--no-progress', '-q', '--fail-on-drift'], dir, fromSource);
      expect({ status: run.status, usedSwc: run.usedSwc, stderr: run.stderr }).toEqual({ status: 1, usedSwc: fromSource, stderr: '' });
      return JSON.parse(readFileSync(json, 'utf8')) as { columns: { name: string; score: number; drifted: boolean }[] };
    });
    expect(reports[0].columns.find((c) => c.name === 'num_0')?.drifted).toBe(true);
    expect(reports[0].columns).toEqual(reports[1].columns);
  });

  it('still answers usage errors with exit code 2 and the product version', () => {
    const run = runBin(['drift-report', '--reference', join(dir, 'nope.csv'), '--current', join(dir, 'current.csv'), '--out', join(dir, 'x.html')], dir, false);
    expect(run.usedSwc).toBe(false);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nope.csv');
    const version = spawnSync(process.execPath, [BIN, '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
