import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ModelDeployedSchema, ModelRegisteredSchema, Topic, topicName } from '@mlops/contracts';
import { createKafkaClient, ensureTopics, replayTopic, type ConsumedMessage } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import { MlflowRegistry, ModelAlias } from '@mlops/registry';
import { freePort, registerTestModel, startServiceProcess, testBrokers, uniqueName, waitFor, type ServiceProcess } from '@mlops/testing';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { labeledEvents, retrainRequest } from './labeled-events';

// Retraining and deployment as real processes on a real broker, both with REGISTRY=mlflow
// against a real MLflow server; what they did is read back through MLflow's own REST API.
const logger = createLogger({ name: 'retrain-to-deploy-int-spec', level: 'warn' });
jest.setTimeout(300_000);
const HOUR = 3_600_000;
// Set by tools/jest/integration-global-setup.ts: MLFLOW_TRACKING_URI, or a local server.
const trackingUri = (process.env.MLFLOW_TRACKING_URI as string).replace(/\/+$/, '');

async function mlflow<T>(endpoint: string, query: Record<string, string>): Promise<T> {
  const url = new URL(`${trackingUri}/api/2.0/mlflow/${endpoint}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

type KeyValue = { key: string; value: string };

describe('retrain request to promoted champion (MLflow registry)', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let work: string;
  const processes: ServiceProcess[] = [];

  beforeAll(async () => {
    kafka = createKafkaClient({ brokers: testBrokers(), clientId: 'retrain-to-deploy', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 }, logger);
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer();
    await producer.connect();
    work = await mkdtemp(path.join(os.tmpdir(), 'retrain-to-deploy-'));
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    await producer.disconnect();
    await admin.disconnect();
    await rm(work, { recursive: true, force: true });
  });

  async function readAll(topic: string): Promise<ConsumedMessage[]> {
    const all: ConsumedMessage[] = [];
    await replayTopic({ kafka, topic, from: 'earliest', logger, handle: (ms) => void all.push(...ms) });
    return all;
  }

  it('logs the run, its metrics and the version to MLflow and moves the champion alias there', async () => {
    const model = uniqueName('pipeline').replace(/^test\./, 'loan-');
    const registry = new MlflowRegistry({ trackingUri });
    const champion = await registerTestModel(registry, model, { seed: 1, rows: 300, flip: true, requestId: 'initial' });
    await registry.setAlias(model, ModelAlias.Champion, champion.version);

    const prefix = `${uniqueName('pipeline')}.`;
    const t = (topic: Topic) => topicName(topic, prefix);
    const topics = [Topic.RetrainRequests, Topic.PredictionsLabeled, Topic.ModelsRegistered, Topic.ModelsRejected, Topic.ModelsDeployed, Topic.DeployCommands, Topic.DeadLetter];
    await ensureTopics(admin, topics.map((topic) => ({ name: t(topic), partitions: 2, compacted: topic === Topic.ModelsDeployed })), logger);
    const now = Date.now();
    const window = { from: now - 2 * HOUR, to: now - HOUR };
    await producer.send({ topic: t(Topic.PredictionsLabeled), messages: labeledEvents(model, 500, window.from, window.to, 21) });

    const common = { KAFKA_BROKERS: testBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '2', KAFKA_SESSION_TIMEOUT_MS: '6000', LOG_LEVEL: 'warn', REGISTRY: 'mlflow', MLFLOW_TRACKING_URI: trackingUri };
    processes.push(
      startServiceProcess(
        'retraining',
        { ...common, RETRAINING_GROUP_ID: `${prefix}retraining`, RETRAINING_SESSION_TIMEOUT_MS: '10000', RETRAINING_WORK_DIR: path.join(work, 'retraining'), RETRAINING_MIN_ROWS: '100', RETRAINING_MAX_EPOCHS: '20', RETRAINING_LEARNING_RATE: '0.02' },
        await freePort(),
      ),
      startServiceProcess('deployment', { ...common, DEPLOYMENT_GROUP_ID: `${prefix}deployment`, DEPLOYMENT_WORK_DIR: path.join(work, 'deployment') }, await freePort()),
    );

    const started = Date.now();
    await producer.send({ topic: t(Topic.RetrainRequests), messages: [retrainRequest('req-mlflow', model, window)] });
    await waitFor(async () => (await readAll(t(Topic.ModelsDeployed))).length === 1, 'the challenger deployed', { timeoutMs: 180000, intervalMs: 500 });
    process.stderr.write(`[retrain-to-deploy] RetrainRequest → ModelDeployed in ${Date.now() - started} ms (MLflow registry)\n`);
    const [registered] = (await readAll(t(Topic.ModelsRegistered))).map((m) => ModelRegisteredSchema.parse(JSON.parse(m.value!.toString())));
    const [deployed] = (await readAll(t(Topic.ModelsDeployed))).map((m) => ModelDeployedSchema.parse(JSON.parse(m.value!.toString())));
    expect(registered).toMatchObject({ lineage: { requestId: 'req-mlflow', parentVersion: champion.version }, comparison: { championVersion: champion.version, outperformsChampion: true } });
    expect(deployed).toMatchObject({ model, version: registered.version, previousVersion: champion.version, artifact: registered.artifact });

    // What MLflow itself holds: the experiment, the run with its metrics, params and tags, the version, the aliases.
    const { experiment } = await mlflow<{ experiment: { experiment_id: string } }>('experiments/get-by-name', { experiment_name: `mlops/${model}` });
    const { model_version: version } = await mlflow<{ model_version: { run_id: string; source: string; tags: KeyValue[] } }>('model-versions/get', { name: model, version: registered.version });
    expect(version.tags).toEqual(expect.arrayContaining([{ key: 'mlops.request_id', value: 'req-mlflow' }, { key: 'mlops.parent_version', value: champion.version }]));
    expect(version.source).toBe(registered.artifact.uri);
    const { run } = await mlflow<{ run: { info: { experiment_id: string; status: string; run_name: string }; data: { metrics: { key: string; value: number }[]; params: KeyValue[]; tags: KeyValue[] } } }>('runs/get', { run_id: version.run_id });
    expect(run.info).toMatchObject({ experiment_id: experiment.experiment_id, status: 'FINISHED', run_name: `${model} req-mlflow` });
    const metrics = Object.fromEntries(run.data.metrics.map((m) => [m.key, m.value]));
    expect(metrics.accuracy).toBeCloseTo(registered.metrics.accuracy, 6);
    expect(Object.keys(metrics).sort()).toEqual(Object.keys(registered.metrics).sort());
    expect(run.data.params).toEqual(expect.arrayContaining([{ key: 'rows', value: '500' }, { key: 'task', value: 'binary' }]));
    expect(run.data.tags).toEqual(expect.arrayContaining([{ key: 'trigger', value: 'drift_report' }, { key: 'comparison.champion_version', value: champion.version }]));
    const { registered_model } = await mlflow<{ registered_model: { aliases: { alias: string; version: string }[] } }>('registered-models/get', { name: model });
    expect(registered_model.aliases).toEqual(expect.arrayContaining([{ alias: 'champion', version: registered.version }, { alias: 'challenger', version: registered.version }]));
  });
});
