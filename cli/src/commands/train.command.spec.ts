import { FilesystemRegistry } from '@mlops/registry';
import { runMlops } from '../__test-support__/run-mlops';
import { tempDir } from '../__test-support__/temp-dir';
import { loanCsv } from '../model-commands/__test-support__/labeled-csv';
import { runMlopsWithEnv } from '../model-commands/__test-support__/run-mlops-with-env';

const dir = tempDir('mlops-train-');
afterAll(() => dir.cleanup());
const env = { REGISTRY_ROOT: `${dir.path}/registry` };
const data = dir.file('train.csv', loanCsv(400, 3));
const quick = ['--max-epochs', '15', '--hidden-units', '8', '--learning-rate', '0.02'];

describe('mlops train', () => {
  it('is listed with baseline and register in mlops --help', async () => {
    const run = await runMlops(['--help']);
    expect(run.stdout).toMatch(/train \[options\] +Train a model/);
    expect(run.stdout).toMatch(/baseline \[options\] +Register a monitoring-only version/);
    expect(run.stdout).toMatch(/register \[options\] +Register a version trained elsewhere/);
  });

  it('documents its flags, environment and exit codes', async () => {
    const run = await runMlops(['train', '--help']);
    expect(run.code).toBe(0);
    for (const text of ['--data <file>', '--target <column>', '--deploy', '--publish', 'REGISTRY_ROOT', 'MLFLOW_TRACKING_URI', 'KAFKA_BROKERS', '3   the registry or Kafka']) {
      expect(run.stdout).toContain(text);
    }
  });

  it('trains and registers the first version with its lineage in the filesystem registry', async () => {
    const run = await runMlopsWithEnv(['train', '--data', data, '--model', 'loan', '--target', 'label', '--ignore', 'id,predicted,score', '--time-column', 'ts', '--request-id', 'req-1', '--json', ...quick], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const result = JSON.parse(run.stdout) as { version: string; rows: number; comparison: { primaryMetric: string; outperformsChampion: boolean } };
    expect(result).toMatchObject({ version: '1', rows: 400, comparison: { primaryMetric: 'accuracy', outperformsChampion: true } });
    const version = await new FilesystemRegistry({ root: env.REGISTRY_ROOT }).getVersion('loan', '1');
    expect(version.tags).toMatchObject({ trainer: 'cli', trigger: 'manual' });
    expect(version.lineage).toEqual({ requestId: 'req-1', dataWindow: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-01T06:39:00.001Z' } });
    expect(version.params).toMatchObject({ rows: '400', holdoutRows: '80', hiddenUnits: '8' });
    expect(Object.keys(version.metrics)).toEqual(expect.arrayContaining(['accuracy', 'f1']));
  });

  it.each([
    ['a missing file', ['--data', `${dir.path}/absent.csv`, '--model', 'm'], /^mlops train: .*absent\.csv: no such file\n$/],
    ['an unknown target', ['--data', data, '--model', 'm', '--target', 'approved'], /^mlops train: --target "approved": not a column of .*train\.csv \(its columns: "id", "ts", "age", "income", "city", "member", "label", "predicted", "score"\)\n$/],
    ['the default target when absent', ['--data', 'NOLABEL', '--model', 'm'], /^mlops train: --target "label": not a column of .*nolabel\.csv \(its columns: "x", "y"\)\n$/],
    ['a single class', ['--data', 'SINGLE', '--model', 'm'], /^mlops train: --target "label" in .*single\.csv: every one of the 300 labels is 1; a single class cannot train a classifier\n$/],
    ['a bad model name', ['--data', data, '--model', '../x'], /^mlops train: --model "\.\.\/x": expected 1-128 letters, digits/],
    ['--deploy without a broker', ['--data', data, '--model', 'm', '--deploy'], /^mlops train: KAFKA_BROKERS: required by --deploy/],
    ['too few rows', ['--data', data, '--model', 'm', '--min-rows', '1000'], /400 labeled row\(s\); at least 1000 are needed \(--min-rows\)\n$/],
  ])('exits 2 on %s, naming it', async (_what, args, message) => {
    const files: Record<string, () => string> = {
      SINGLE: () => dir.file('single.csv', `x,label\n${Array.from({ length: 300 }, (_, i) => `${i},1`).join('\n')}\n`),
      NOLABEL: () => dir.file('nolabel.csv', 'x,y\n1,2\n'),
    };
    const resolved = args.map((a) => files[a]?.() ?? a);
    const run = await runMlopsWithEnv(['train', ...resolved], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('names a bad registry variable', async () => {
    const run = await runMlopsWithEnv(['train', '--data', data, '--model', 'm'], { REGISTRY: 's3' });
    expect(run).toMatchObject({ code: 2, stderr: 'mlops train: REGISTRY: expected filesystem or mlflow, got "s3"\n' });
    const mlflow = await runMlopsWithEnv(['train', '--data', data, '--model', 'm'], { REGISTRY: 'mlflow' });
    expect(mlflow).toMatchObject({ code: 2, stderr: 'mlops train: MLFLOW_TRACKING_URI: required (required when REGISTRY=mlflow)\n' });
  });
});
