import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ModelDeployedSchema, ModelRegisteredSchema, ModelRejectedSchema, Topic, topicName } from '@mlops/contracts';
import { profileFromJSON, ReferenceProfile } from '@mlops/drift-stats';
import { ModelNotFoundError } from '@mlops/registry';
import { testBrokers, uniqueName } from '@mlops/testing';
import { tempDir } from '../__test-support__/temp-dir';
import { brokerUnderTest, header } from './__test-support__/broker-under-test';
import { loanCsv } from './__test-support__/labeled-csv';
import { filesystemRegistryUnderTest, mlflowGet, mlflowRegistryUnderTest, type RegistryUnderTest } from './__test-support__/registry-under-test';
import { expectDone, runMlopsWithEnv } from './__test-support__/run-mlops-with-env';

// `mlops train`, `baseline` and `register` in-process against the real broker and both
// registries (a temporary filesystem registry, and the shared MLflow server read back through
// its own REST API).
jest.setTimeout(240_000);

const dir = tempDir('mlops-cli-int-');
afterAll(() => dir.cleanup());
const train = dir.file('train.csv', loanCsv(600, 21));
const holdout = dir.file('holdout.csv', loanCsv(300, 22));
const quick = ['--max-epochs', '25', '--hidden-units', '16', '--learning-rate', '0.02'];
const broker = brokerUnderTest(testBrokers());

describe.each([
  ['filesystem', filesystemRegistryUnderTest],
  ['mlflow', mlflowRegistryUnderTest],
])('model commands (%s registry, real broker)', (kind, makeRegistry) => {
  let registry: RegistryUnderTest;
  let prefix: string;
  let env: Record<string, string>;
  const t = (topic: Topic) => topicName(topic, prefix);

  beforeAll(() => {
    registry = makeRegistry();
  });
  afterAll(() => registry.cleanup());
  beforeEach(() => {
    prefix = `${uniqueName(`cli-${kind}`)}.`;
    env = { ...registry.env, KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '', KAFKA_TOPIC_PREFIX: prefix };
  });

  it('train --deploy makes the first version champion and publishes ModelDeployed as the deployment service does; a refused one changes nothing', async () => {
    const model = uniqueName('loan');
    const first = await runMlopsWithEnv(['train', '--data', train, '--model', model, '--ignore', 'id,predicted,score', '--time-column', 'ts', '--deploy', '--json', ...quick], env);
    expectDone(first);
    const result = JSON.parse(first.stdout) as { version: string; deployment: { outcome: string } };
    expect(result.deployment.outcome).toBe('promoted');
    expect(await registry.championAlias(model)).toBe(result.version);

    const version = await registry.registry.getVersion(model, result.version);
    expect(version.tags).toMatchObject({ trainer: 'cli', trigger: 'manual' });
    const deployed = await broker.readAll(t(Topic.ModelsDeployed));
    expect(deployed).toHaveLength(1);
    const [message] = deployed;
    expect(message.key?.toString()).toBe(model);
    expect(header(message, 'ce_type')).toBe('io.mlops.model.deployed.v1');
    expect(header(message, 'ce_id')).toBe(`deployed:${model}:${version.version}:cli`);
    expect(header(message, 'ce_source')).toBe('/mlops/cli');
    expect(header(message, 'ce_specversion')).toBe('1.0');
    const event = ModelDeployedSchema.parse(JSON.parse(message.value?.toString() ?? ''));
    expect(event).toEqual({ schemaVersion: 1, model, version: version.version, artifact: version.artifact, baselineProfile: version.baselineProfile, deployedAt: expect.any(String) });
    expect(await broker.cleanupPolicy(t(Topic.ModelsDeployed))).toBe('compact');

    if (registry.kind === 'mlflow') {
      // MLflow's own view: the alias, the version's run and its metrics.
      const trackingUri = registry.env['MLFLOW_TRACKING_URI'];
      const alias = (await mlflowGet(trackingUri, `registered-models/alias?name=${encodeURIComponent(model)}&alias=champion`)) as { model_version: { version: string; run_id: string } };
      expect(alias.model_version.version).toBe(version.version);
      const run = (await mlflowGet(trackingUri, `runs/get?run_id=${alias.model_version.run_id}`)) as { run: { data: { metrics: { key: string; value: number }[] } } };
      expect(run.run.data.metrics.map((m) => m.key)).toEqual(expect.arrayContaining(['accuracy', 'f1']));
    }

    // Beating the champion by a whole unit of accuracy is impossible: the metric gate refuses.
    const second = await runMlopsWithEnv(['train', '--data', train, '--model', model, '--ignore', 'id,predicted,score', '--time-column', 'ts', '--deploy', '--min-improvement', '1', '--request-id', 'req-refused', ...quick], env);
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/metric: fail \(accuracy .* policy better by at least 1\)/);
    expect(second.stdout).toMatch(new RegExp(`deployment refused \\(not_better_than_champion\\): the champion of ${model.replace(/\./g, '\\.')} is unchanged`));
    expect(await registry.championAlias(model)).toBe(result.version);
    expect(await broker.readAll(t(Topic.ModelsDeployed))).toHaveLength(1);
    const rejected = (await broker.readAll(t(Topic.ModelsRejected))).map((m) => ModelRejectedSchema.parse(JSON.parse(m.value?.toString() ?? '')));
    expect(rejected).toEqual([expect.objectContaining({ model, version: String(Number(result.version) + 1), requestId: 'req-refused', reason: 'not_better_than_champion' })]);
  });

  it('baseline registers a monitoring-only version the registry serves back; register publishes ModelRegistered for a version trained elsewhere', async () => {
    const model = uniqueName('fraud');
    const baseline = await runMlopsWithEnv(['baseline', '--reference', train, '--model', model, '--target', 'label', '--prediction', 'predicted', '--score', 'score', '--ignore', 'id', '--time-column', 'ts', '--deploy', '--json'], env);
    expectDone(baseline);
    const b = JSON.parse(baseline.stdout) as { version: string; deployment: { outcome: string; gates: { gate: string; status: string }[] } };
    expect(b.deployment.gates.map((g) => `${g.gate}:${g.status}`)).toEqual(['checksum:pass', 'load:skipped', 'sanity:skipped', 'metric:skipped', 'approval:pass']);
    const stored = await registry.registry.getVersion(model, b.version);
    expect(stored.tags).toMatchObject({ trainer: 'external', artifact: 'monitoring-only' });
    expect(stored.files.map((f) => f.path)).toEqual(['monitoring-only.json']);
    expect(Object.keys(stored.metrics).sort()).toEqual(['accuracy', 'f1', 'log_loss', 'roc_auc']);
    const profile = profileFromJSON(await registry.registry.getBaselineProfile(model, b.version));
    expect(profile).toBeInstanceOf(ReferenceProfile);
    expect(profile.specs.filter((s) => s.role !== 'feature').map((s) => s.name)).toEqual(['__prediction__', '__score__', '__label__']);
    expect(await registry.championAlias(model)).toBe(b.version);
    expect((await broker.readAll(t(Topic.ModelsDeployed))).map((m) => header(m, 'ce_id'))).toEqual([`deployed:${model}:${b.version}:cli`]);

    const artifact = path.join(dir.path, `${kind}-their-model`);
    mkdirSync(artifact, { recursive: true });
    writeFileSync(path.join(artifact, 'model.onnx'), Buffer.from('not really onnx, but bytes the registry must keep'));
    const registered = await runMlopsWithEnv(
      ['register', '--model', model, '--artifact', artifact, '--reference', holdout, '--target', 'label', '--prediction', 'predicted', '--ignore', 'id,score', '--time-column', 'ts', '--request-id', 'rq-ext-1', '--champion-metric', '0.5', '--json'],
      env,
    );
    expectDone(registered);
    const messages = await broker.readAll(t(Topic.ModelsRegistered));
    expect(messages).toHaveLength(1);
    expect(messages[0].key?.toString()).toBe(model);
    expect(header(messages[0], 'ce_type')).toBe('io.mlops.model.registered.v1');
    const event = ModelRegisteredSchema.parse(JSON.parse(messages[0].value?.toString() ?? ''));
    const v2 = await registry.registry.getVersion(model, event.version);
    expect(event).toMatchObject({
      model,
      lineage: { parentVersion: b.version, requestId: 'rq-ext-1', dataWindow: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-01T04:59:00.001Z' } },
      comparison: { primaryMetric: 'accuracy', champion: 0.5, championVersion: b.version, outperformsChampion: true },
      artifact: v2.artifact,
      baselineProfile: v2.baselineProfile,
    });
    expect(v2.tags).toMatchObject({ trainer: 'external', trigger: 'retrain_request' });
    // Nothing moved: the deployment service decides.
    expect(await registry.championAlias(model)).toBe(b.version);
  });

  it('refuses bad input with exit code 2 before anything reaches the registry or Kafka', async () => {
    const model = uniqueName('bad');
    const single = dir.file(`${kind}-single.csv`, `x,label\n${Array.from({ length: 250 }, (_, i) => `${i},yes`).join('\n')}\n`);
    const cases: [string[], RegExp][] = [
      [['train', '--data', single, '--model', model, '--deploy'], /^mlops train: --target "label" in .*single\.csv: every one of the 250 labels is "yes"; a single class cannot train a classifier\n$/],
      [['train', '--data', train, '--model', model, '--target', 'approved', '--deploy'], /^mlops train: --target "approved": not a column of /],
      [['baseline', '--reference', `${dir.path}/absent.csv`, '--model', model, '--deploy'], /^mlops baseline: .*absent\.csv: no such file\n$/],
      [['register', '--model', 'a/b', '--artifact', dir.path, '--reference', train], /^mlops register: --model "a\/b": expected 1-128 letters/],
    ];
    for (const [args, message] of cases) {
      const run = await runMlopsWithEnv(args, env);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toMatch(message);
    }
    await expect(registry.registry.listVersions(model)).rejects.toThrow(ModelNotFoundError);
    expect(await broker.readAll(t(Topic.ModelsDeployed))).toHaveLength(0);
  });
});
