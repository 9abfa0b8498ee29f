import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ModelDeployedSchema, RETRAIN_REQUEST_TYPE, RetrainRequestSchema, Topic, topicName, toCloudEventHeaders } from '@mlops/contracts';
import { createIdempotentProducer } from '@mlops/kafka';
import { freePort, startServiceProcess, testBrokers, uniqueName, waitFor, type ServiceProcess } from '@mlops/testing';
import { tempDir } from '../__test-support__/temp-dir';
import { brokerUnderTest, header } from './__test-support__/broker-under-test';
import { loanCsv } from './__test-support__/labeled-csv';
import { filesystemRegistryUnderTest } from './__test-support__/registry-under-test';
import { expectDone, runMlopsWithEnv } from './__test-support__/run-mlops-with-env';

// The README's "models trained elsewhere" path, end to end, with the real retraining and
// deployment services as processes on the real broker: baseline → RetrainRequest handed off by
// retraining (RETRAINING_EXTERNAL_MODELS) → the team's pipeline reads it → mlops register →
// the deployment service's gates promote the new version.
jest.setTimeout(400_000);

const dir = tempDir('mlops-cli-external-');
const registry = filesystemRegistryUnderTest();
const broker = brokerUnderTest(testBrokers());
const processes: ServiceProcess[] = [];
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop('SIGKILL')));
  await registry.cleanup();
  dir.cleanup();
});

const ready = async (service: ServiceProcess) => (await fetch(`${service.url}/health/ready`).catch(() => undefined))?.status === 200;

it('hands the retrain request of an externally trained model to its pipeline and gates the version it registers', async () => {
  const model = uniqueName('fraud');
  const prefix = `${uniqueName('cli-external')}.`;
  const t = (topic: Topic) => topicName(topic, prefix);
  const env = { ...registry.env, KAFKA_BROKERS: testBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix };

  // 1. The model's first version: monitoring only, made champion so drift follows it.
  const baseline = await runMlopsWithEnv(['baseline', '--reference', dir.file('reference.csv', loanCsv(500, 31)), '--model', model, '--target', 'label', '--prediction', 'predicted', '--ignore', 'id,score', '--deploy'], env);
  expectDone(baseline);

  // 2. Retraining (this model trained elsewhere) and deployment, as processes.
  const common = { ...env, KAFKA_TOPIC_PARTITIONS: '1', KAFKA_SESSION_TIMEOUT_MS: '6000', LOG_LEVEL: 'warn' };
  const retraining = startServiceProcess('retraining', { ...common, RETRAINING_GROUP_ID: `${prefix}retraining`, RETRAINING_WORK_DIR: path.join(dir.path, 'retraining'), RETRAINING_EXTERNAL_MODELS: model }, await freePort());
  const deployment = startServiceProcess('deployment', { ...common, DEPLOYMENT_GROUP_ID: `${prefix}deployment`, DEPLOYMENT_WORK_DIR: path.join(dir.path, 'deployment') }, await freePort());
  processes.push(retraining, deployment);
  await waitFor(async () => (await ready(retraining)) && (await ready(deployment)), 'retraining and deployment ready', { timeoutMs: 180_000, intervalMs: 1000 });

  // 3. A retrain request (as the drift service would send it): retraining hands it off.
  const producer = createIdempotentProducer(broker.kafka);
  await producer.connect();
  const request = RetrainRequestSchema.parse({
    schemaVersion: 1,
    requestId: `rq-${model}`,
    model,
    reason: 'concept_drift',
    dataWindow: { from: '2026-11-20T00:00:00.000Z', to: '2026-11-27T00:00:00.000Z' },
    requestedAt: new Date().toISOString(),
  });
  await producer.send({
    topic: t(Topic.RetrainRequests),
    messages: [{ key: model, value: JSON.stringify(request), headers: toCloudEventHeaders({ id: request.requestId, type: RETRAIN_REQUEST_TYPE, source: '/mlops/drift-computation', subject: model }) }],
  });
  await producer.disconnect();
  const handedOff = new RegExp(`mlops_retrain_outcomes_total\\{model="${model.replace(/\./g, '\\.')}",outcome="external_trainer"\\} 1`);
  await waitFor(async () => handedOff.test(await (await fetch(`${retraining.url}/metrics`)).text()), 'retraining hands the request off', { timeoutMs: 120_000, intervalMs: 500 });
  expect(await broker.readAll(t(Topic.ModelsRegistered))).toHaveLength(0);
  expect(await broker.readAll(t(Topic.ModelsRejected))).toHaveLength(0);

  // 4. The team's pipeline reads the request from Kafka, trains, and registers its version.
  const seen = (await broker.readAll(t(Topic.RetrainRequests))).map((m) => RetrainRequestSchema.parse(JSON.parse(m.value?.toString() ?? ''))).filter((r) => r.model === model);
  expect(seen.map((r) => r.requestId)).toEqual([request.requestId]);
  const artifact = path.join(dir.path, 'pipeline-output');
  mkdirSync(artifact, { recursive: true });
  writeFileSync(path.join(artifact, 'model.bin'), Buffer.alloc(128, 3));
  const registered = await runMlopsWithEnv(
    ['register', '--model', model, '--artifact', artifact, '--reference', dir.file('recent.csv', loanCsv(300, 32)), '--target', 'label', '--prediction', 'predicted', '--ignore', 'id,score', '--request-id', seen[0].requestId, '--champion-metric', '0.5'],
    env,
  );
  expectDone(registered);

  // 5. The deployment service gates it (checksum verified; load and sanity skipped: trained elsewhere) and promotes it.
  await waitFor(async () => (await broker.readAll(t(Topic.ModelsDeployed))).length === 2, 'the deployment service promotes version 2', { timeoutMs: 120_000, intervalMs: 500 });
  const deployed = await broker.readAll(t(Topic.ModelsDeployed));
  expect(deployed.map((m) => [header(m, 'ce_source'), header(m, 'ce_id')])).toEqual([
    ['/mlops/cli', `deployed:${model}:1:cli`],
    ['/mlops/deployment', `deployed:${model}:2:registered`],
  ]);
  expect(ModelDeployedSchema.parse(JSON.parse(deployed[1].value?.toString() ?? ''))).toMatchObject({ model, version: '2', previousVersion: '1' });
  expect(await registry.championAlias(model)).toBe('2');
  expect((await registry.registry.getVersion(model, '2')).lineage).toMatchObject({ parentVersion: '1', requestId: request.requestId });
});
