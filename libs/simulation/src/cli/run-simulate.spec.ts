import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { systemPlaybackClock } from '../kafka/playback-clock';
import { ExitCode, runSimulate } from './run-simulate';

const dir = mkdtempSync(join(tmpdir(), 'simulate-cli-'));

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const err = new PassThrough();
  err.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await runSimulate(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: err,
    env,
    clock: systemPlaybackClock,
    newRunId: () => 'spec-run',
  });
  return { code, stdout, stderr };
}

describe('simulate CLI', () => {
  it('writes a scenario as CSV and prints what it wrote', async () => {
    const file = join(dir, 'demo.csv');
    const { code, stdout } = await cli(['--scenario', 'demo', '--csv', file, '--limit', '250', '--no-progress']);
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toBe(`wrote 250 rows to ${file} (columns: salary, commission, age, elevel, car, zipcode, hvalue, hyears, loan, label)\n`);
    const rows: Record<string, string>[] = parse(readFileSync(file, 'utf8'), { columns: true });
    expect(rows).toHaveLength(250);
  });

  it('writes only the chosen phases', async () => {
    const file = join(dir, 'reference.csv');
    const { code, stdout } = await cli(['--scenario', 'demo', '--csv', file, '--phase', 'covariate-drift', '--csv-meta', '--no-progress']);
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toMatch(/^wrote 10000 rows/);
    const rows: Record<string, string>[] = parse(readFileSync(file, 'utf8'), { columns: true });
    expect(new Set(rows.map((r) => r.phase))).toEqual(new Set(['covariate-drift']));
    expect(rows[0].eventId).toBe('spec-run-20000');
  });

  it('exits 2 with one line per bad flag', async () => {
    const { code, stdout, stderr } = await cli(['--scenario', 'demo', '--rate', 'lots', '--limit', 'none']);
    expect(code).toBe(ExitCode.Usage);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'simulate: --rate: expected a positive number of events per second\nsimulate: --limit: expected a positive integer\nsimulate: see --help\n',
    );
  });

  it('exits 2 naming the field of an invalid scenario file', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: bad\nmodel: m\ngenerator: { type: agrawal }\nphases:\n  - { name: a, events: 10, concept: 2, covariate: [{ feature: wage }] }\n');
    const { code, stderr } = await cli(['--scenario', file, '--csv', join(dir, 'x.csv')]);
    expect(code).toBe(ExitCode.Usage);
    expect(stderr).toContain('phases[0].covariate[0].feature: unknown feature "wage"');
  });

  it('exits 2 for an unknown scenario, listing the built-in ones', async () => {
    const { code, stderr } = await cli(['--scenario', 'nope', '--rate', '1', '--brokers', 'h:1']);
    expect(code).toBe(ExitCode.Usage);
    expect(stderr).toContain('scenario "nope" is neither a built-in scenario (concept-drift, covariate-drift, demo,');
  });

  it('exits 2 for bad Kafka settings in the environment', async () => {
    const { code, stderr } = await cli(['--scenario', 'demo', '--rate', '1', '--brokers', 'h:1'], { KAFKA_SASL_MECHANISM: 'kerberos' });
    expect(code).toBe(ExitCode.Usage);
    expect(stderr).toContain('KAFKA_SASL_MECHANISM: expected plain, scram-sha-256 or scram-sha-512');
  });

  it('exits 1 when the CSV file cannot be written', async () => {
    const { code, stderr } = await cli(['--scenario', 'demo', '--csv', join(dir, 'missing', 'x.csv'), '--no-progress']);
    expect(code).toBe(ExitCode.Failure);
    expect(stderr).toMatch(/failed: ENOENT/);
  });

  it('exits 0 after --help', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toContain('Usage: simulate [options]');
  });
});
