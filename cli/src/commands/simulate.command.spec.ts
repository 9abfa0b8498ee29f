import { readFileSync } from 'node:fs';
import { runMlops } from '../__test-support__/run-mlops';
import { tempDir } from '../__test-support__/temp-dir';

const dir = tempDir();
afterAll(() => dir.cleanup());

describe('mlops simulate', () => {
  it('passes every argument to the simulation CLI, --help included', async () => {
    const run = await runMlops(['simulate', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--scenario <name|file>');
    expect(run.stdout).toContain('--csv <file>');
  });

  it('writes a scenario as CSV', async () => {
    const csv = dir.file('demo.csv');
    const run = await runMlops(['simulate', '--scenario', 'covariate-drift', '--limit', '25', '--csv', csv, '--no-progress', '--start', '2026-01-01T00:00:00Z', '--run-id', 'spec']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^wrote 25 rows to /);
    expect(readFileSync(csv, 'utf8').trimEnd().split('\n')).toHaveLength(26);
  });

  it('returns its usage exit code for a bad flag', async () => {
    const run = await runMlops(['simulate', '--scenario', 'nope', '--csv', dir.file('x.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/simulate: .*nope/);
  });
});
