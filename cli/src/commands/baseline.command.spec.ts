import { readFileSync } from 'node:fs';
import path from 'node:path';
import { profileFromJSON, ReferenceProfile } from '@mlops/drift-stats';
import { FilesystemRegistry } from '@mlops/registry';
import { runMlops } from '../__test-support__/run-mlops';
import { tempDir } from '../__test-support__/temp-dir';
import { loanCsv } from '../model-commands/__test-support__/labeled-csv';
import { runMlopsWithEnv } from '../model-commands/__test-support__/run-mlops-with-env';

const dir = tempDir('mlops-baseline-');
afterAll(() => dir.cleanup());
const env = { REGISTRY_ROOT: `${dir.path}/registry` };
const reference = dir.file('reference.csv', loanCsv(300, 5));

describe('mlops baseline', () => {
  it('documents the monitoring-only path', async () => {
    const run = await runMlops(['baseline', '--help']);
    expect(run.code).toBe(0);
    for (const text of ['--reference <file>', '--prediction <column>', '--score <column>', 'trainer=external', 'monitoring-only.json', '--deploy']) expect(run.stdout).toContain(text);
  });

  it('registers a monitoring-only version: profile, metrics, one descriptor file, trainer=external', async () => {
    const run = await runMlopsWithEnv(['baseline', '--reference', reference, '--model', 'fraud', '--target', 'label', '--prediction', 'predicted', '--score', 'score', '--ignore', 'id', '--time-column', 'ts'], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^registered fraud version 1 \(monitoring only, trainer=external\) in the filesystem registry at /);
    expect(run.stdout).toMatch(/baseline profile: 300 rows of .*reference\.csv, 4 features, prediction, score, target; metrics: accuracy 0\.\d+, f1 0\.\d+, roc_auc 0\.\d+, log_loss 0\.\d+/);
    const registry = new FilesystemRegistry({ root: env.REGISTRY_ROOT });
    const version = await registry.getVersion('fraud', '1');
    expect(version.tags).toMatchObject({ trainer: 'external', artifact: 'monitoring-only' });
    expect(version.files.map((f) => f.path)).toEqual(['monitoring-only.json']);
    expect(version.lineage.dataWindow).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-01T04:59:00.001Z' });
    const profile = profileFromJSON(await registry.getBaselineProfile('fraud', '1'));
    expect(profile).toBeInstanceOf(ReferenceProfile);
    expect(profile.specs.map((s) => `${s.name}:${s.role}`)).toEqual(['age:feature', 'income:feature', 'city:feature', 'member:feature', '__prediction__:prediction', '__score__:prediction', '__label__:label']);
    const downloaded = await registry.downloadVersion('fraud', '1', path.join(dir.path, 'download'));
    expect(JSON.parse(readFileSync(path.join(downloaded.directory, 'monitoring-only.json'), 'utf8'))).toMatchObject({ format: 'mlops.monitoring-only', model: 'fraud', rows: 300, task: 'classification', target: 'label' });
  });

  it('profiles --categorical columns as categories, as the model commands train them', async () => {
    const run = await runMlopsWithEnv(['baseline', '--reference', reference, '--model', 'coded', '--categorical', 'age', '--ignore', 'id,ts', '--json'], env);
    expect(run.code).toBe(0);
    const profile = profileFromJSON(await new FilesystemRegistry({ root: env.REGISTRY_ROOT }).getBaselineProfile('coded', '1'));
    expect(profile.specs.find((s) => s.name === 'age')?.type).toBe('categorical');
    expect(profile.specs.find((s) => s.name === 'income')?.type).toBe('numerical');
  });

  it('exits 3 when Kafka cannot be reached, before registering anything', async () => {
    const run = await runMlopsWithEnv(['baseline', '--reference', reference, '--model', 'unreachable', '--deploy'], { ...env, KAFKA_BROKERS: '127.0.0.1:1' });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/^mlops baseline: unavailable: Kafka at 127\.0\.0\.1:1: .*ECONNREFUSED/);
    await expect(new FilesystemRegistry({ root: env.REGISTRY_ROOT }).listVersions('unreachable')).rejects.toThrow(/not in the registry/);
  }, 60_000);

  it.each([
    ['an unknown prediction column', ['--prediction', 'y_hat'], /^mlops baseline: --prediction "y_hat": not a column of .*reference\.csv/],
    ['a score without a prediction', ['--score', 'score'], /^mlops baseline: --score needs --prediction/],
    ['an unknown --categorical column', ['--categorical', 'zip'], /^mlops baseline: --categorical "zip": not a column of .*reference\.csv/],
    ['a bad task', ['--task', 'ranking'], /^mlops baseline: --task: expected classification or regression, got "ranking"\n$/],
    ['a score that is not a probability', ['--target', 'label', '--prediction', 'predicted', '--score', 'income'], /^mlops baseline: --score "income": 1\d\d is not a probability in \[0, 1\]\n$/],
  ])('exits 2 on %s', async (_what, extra, message) => {
    const run = await runMlopsWithEnv(['baseline', '--reference', reference, '--model', 'fraud', ...extra], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
