import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ModelDeployedSchema, ModelRejectedSchema, Topic, topicName, type ModelRegistered } from '@mlops/contracts';
import { createKafkaClient, ensureTopics, replayTopic, type ConsumedMessage } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import type { ModelVersion } from '@mlops/registry';
import { freePort, registerTestModel, startServiceProcess, testBrokers, uniqueName, waitFor, type ServiceProcess } from '@mlops/testing';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { filesystemFixture, mlflowFixture, type RegistryFixture } from './registry-fixtures';

// The deployment service (and, to see the champion served, the inference service) as real
// processes, with a real broker and both registries: the embedded filesystem one and a real
// MLflow server checked through its own REST API.
const logger = createLogger({ name: 'deployment-int-spec', level: 'warn' });
jest.setTimeout(400_000);

describe.each([
  ['filesystem', filesystemFixture],
  ['mlflow', mlflowFixture],
])('deployment service process (%s registry)', (_kind, makeFixture) => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let fixture: RegistryFixture;
  let work: string;
  const processes: ServiceProcess[] = [];

  beforeAll(async () => {
    kafka = createKafkaClient({ brokers: testBrokers(), clientId: 'deployment-int-spec', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 }, logger);
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer();
    await producer.connect();
    fixture = await makeFixture();
    work = await mkdtemp(path.join(os.tmpdir(), 'deployment-int-'));
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    await producer.disconnect();
    await admin.disconnect();
    await fixture.cleanup();
    await rm(work, { recursive: true, force: true });
  });

  async function readAll(topic: string): Promise<ConsumedMessage[]> {
    const all: ConsumedMessage[] = [];
    await replayTopic({ kafka, topic, from: 'earliest', logger, handle: (ms) => void all.push(...ms) });
    return all;
  }

  const registered = (v: ModelVersion, comparison: Partial<ModelRegistered['comparison']> = {}): ModelRegistered => ({
    schemaVersion: 1,
    model: v.model,
    version: v.version,
    metrics: v.metrics,
    comparison: { primaryMetric: 'accuracy', challenger: 0.9, outperformsChampion: true, ...comparison },
    lineage: { requestId: v.lineage.requestId, dataWindow: v.lineage.dataWindow },
    artifact: v.artifact,
    baselineProfile: v.baselineProfile,
    registeredAt: new Date().toISOString(),
  });

  it('promotes a better challenger once, refuses a worse and a corrupt one, and rolls back; inference follows', async () => {
    const model = uniqueName('deploy').replace(/^test\./, 'loan-');
    const [v1, v2, v3, v4] = [
      await registerTestModel(fixture.registry, model, { seed: 1, rows: 400, requestId: 'req-1' }),
      await registerTestModel(fixture.registry, model, { seed: 2, rows: 400, requestId: 'req-2' }),
      await registerTestModel(fixture.registry, model, { seed: 3, rows: 400, requestId: 'req-3', flip: true }),
      await registerTestModel(fixture.registry, model, { seed: 4, rows: 400, requestId: 'req-4' }),
    ];
    const prefix = `${uniqueName('deployment')}.`;
    const t = (topic: Topic) => topicName(topic, prefix);
    const topics = [Topic.ModelsRegistered, Topic.DeployCommands, Topic.ModelsDeployed, Topic.ModelsRejected, Topic.InferenceRequests, Topic.PredictionsRaw, Topic.DeadLetter];
    await ensureTopics(admin, topics.map((topic) => ({ name: t(topic), partitions: 2, compacted: topic === Topic.ModelsDeployed })), logger);
    const common = { KAFKA_BROKERS: testBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '2', KAFKA_SESSION_TIMEOUT_MS: '6000', LOG_LEVEL: 'warn', ...fixture.env };
    const deployment = startServiceProcess('deployment', { ...common, DEPLOYMENT_GROUP_ID: `${prefix}deployment`, DEPLOYMENT_WORK_DIR: path.join(work, prefix), DEPLOYMENT_MIN_IMPROVEMENT: '0.01' }, await freePort());
    const inference = startServiceProcess('inference', { ...common, INFERENCE_GROUP_ID: `${prefix}inference`, INFERENCE_MODEL_DIR: path.join(work, `${prefix}inference`) }, await freePort());
    processes.push(deployment, inference);

    const deployed = async () => (await readAll(t(Topic.ModelsDeployed))).map((m) => ({ event: ModelDeployedSchema.parse(JSON.parse(m.value!.toString())), id: m.headers.ce_id?.toString() }));
    const rejected = async () => (await readAll(t(Topic.ModelsRejected))).map((m) => ModelRejectedSchema.parse(JSON.parse(m.value!.toString())));
    const served = async () => {
      const response = await fetch(`${inference.url}/v2/models/${model}`).catch(() => undefined);
      return response?.status === 200 ? ((await response.json()) as { versions: string[] }).versions[0] : undefined;
    };
    const send = (topic: Topic, value: unknown) => producer.send({ topic: t(topic), messages: [{ key: model, value: JSON.stringify(value) }] });

    // First version: no champion yet, so it is promoted.
    await send(Topic.ModelsRegistered, registered(v1));
    await waitFor(async () => (await deployed()).length === 1, 'v1 deployed', { timeoutMs: 90000, intervalMs: 500 });
    await waitFor(async () => (await served()) === v1.version, 'inference serves v1', { timeoutMs: 60000, intervalMs: 500 });

    // A better challenger, delivered twice: one promotion.
    await send(Topic.ModelsRegistered, registered(v2, { challenger: 0.92, champion: 0.85, championVersion: v1.version }));
    await send(Topic.ModelsRegistered, registered(v2, { challenger: 0.92, champion: 0.85, championVersion: v1.version }));
    // A worse one, then a better but corrupt one.
    await send(Topic.ModelsRegistered, registered(v3, { challenger: 0.3, champion: 0.92, championVersion: v2.version }));
    await fixture.corrupt(v4, 'weights.bin');
    await send(Topic.ModelsRegistered, registered(v4, { challenger: 0.99, champion: 0.92, championVersion: v2.version }));
    await waitFor(async () => (await rejected()).length === 2, 'v3 and v4 refused', { timeoutMs: 90000, intervalMs: 500 });

    const afterGates = await deployed();
    expect(afterGates.map((d) => [d.event.version, d.event.previousVersion])).toEqual([
      [v1.version, undefined],
      [v2.version, v1.version],
    ]);
    expect(afterGates[1].event.artifact).toEqual(v2.artifact);
    expect(afterGates[1].id).toBe(`deployed:${model}:${v2.version}:registered`);
    const [worse, corrupt] = await rejected();
    expect(worse).toMatchObject({ version: v3.version, requestId: 'req-3', reason: 'not_better_than_champion', detail: expect.stringMatching(/metric: fail \(accuracy 0.3 vs champion 0.92/) });
    expect(corrupt).toMatchObject({ version: v4.version, requestId: 'req-4', reason: 'gate_failed', detail: expect.stringMatching(/checksum: fail \(.*weights\.bin/) });
    expect(await fixture.championAlias(model)).toBe(v2.version);
    await waitFor(async () => (await served()) === v2.version, 'inference serves v2', { timeoutMs: 60000, intervalMs: 500 });

    // Rollback to the previous champion; inference follows.
    await send(Topic.DeployCommands, { schemaVersion: 1, command: 'rollback', commandId: 'rollback-1', model, requestedBy: 'int-spec', reason: 'bad outcomes', requestedAt: new Date().toISOString() });
    await waitFor(async () => (await deployed()).length === 3, 'rollback deployed', { timeoutMs: 60000, intervalMs: 500 });
    expect((await deployed())[2]).toMatchObject({ event: { version: v1.version, previousVersion: v2.version }, id: `deployed:${model}:${v1.version}:command:rollback-1` });
    expect(await fixture.championAlias(model)).toBe(v1.version);
    await waitFor(async () => (await served()) === v1.version, 'inference serves v1 again', { timeoutMs: 60000, intervalMs: 500 });

    const metrics = await (await fetch(`${deployment.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`mlops_deployments_total\\{model="${model}",outcome="promoted"\\} 2`));
    expect(metrics).toMatch(new RegExp(`mlops_deployments_total\\{model="${model}",outcome="refused"\\} 2`));
    expect(metrics).toMatch(new RegExp(`mlops_deployments_total\\{model="${model}",outcome="rolled_back"\\} 1`));
    expect(metrics).toMatch(new RegExp(`mlops_deployments_total\\{model="${model}",outcome="duplicate"\\} 1`));
    expect(metrics).toMatch(new RegExp(`mlops_champion_info\\{model="${model}",version="${v1.version}"\\} 1`));
    expect(await readAll(t(Topic.DeadLetter))).toHaveLength(0);
  });
});
