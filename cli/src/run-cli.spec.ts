import { runMlops } from './__test-support__/run-mlops';

describe('mlops', () => {
  it('lists its subcommands in --help', async () => {
    const run = await runMlops(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/drift-report \[options\]/);
    expect(run.stdout).toMatch(/simulate \[args\.\.\.\]/);
  });

  it('prints its version', async () => {
    const run = await runMlops(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });

  it('rejects an unknown subcommand with exit code 2', async () => {
    const run = await runMlops(['train-everything']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command 'train-everything'/);
  });
});
