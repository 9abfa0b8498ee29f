import { readdir, readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PredictionEventSchema, Topic, topicName } from '@mlops/contracts';
import { createKafkaClient, ensureTopics, replayTopic, ConsumedMessage } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import { FilesystemRegistry, ModelVersion } from '@mlops/registry';
import { deployedEvent, freePort, loanExamples, registerTestModel, ServiceProcess, startServiceProcess, testBrokers, uniqueName, waitFor } from '@mlops/testing';
import { Admin, Kafka, Producer } from 'kafkajs';

// The inference service as a real process, with a real broker, a real filesystem registry and
// real (small) tfjs models trained here.
const logger = createLogger({ name: 'inference-int-spec', level: 'warn' });
jest.setTimeout(240_000);

describe('inference service process', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let registryRoot: string;
  let registry: FilesystemRegistry;
  let v1: ModelVersion;
  let v2: ModelVersion;
  let service: ServiceProcess | undefined;
  const model = 'loan';

  beforeAll(async () => {
    kafka = createKafkaClient({ brokers: testBrokers(), clientId: 'inference-int-spec', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 }, logger);
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer();
    await producer.connect();
    registryRoot = await mkdtemp(path.join(os.tmpdir(), 'mlops-inference-registry-'));
    registry = new FilesystemRegistry({ root: registryRoot });
    v1 = await registerTestModel(registry, model, { seed: 1 });
    v2 = await registerTestModel(registry, model, { seed: 2, flip: true });
  });

  afterEach(async () => {
    await service?.stop('SIGKILL');
    service = undefined;
  });

  afterAll(async () => {
    await producer.disconnect();
    await admin.disconnect();
    await rm(registryRoot, { recursive: true, force: true });
  });

  async function start() {
    const prefix = `${uniqueName('inference')}.`;
    const t = (topic: Topic) => topicName(topic, prefix);
    await ensureTopics(admin, [Topic.InferenceRequests, Topic.ModelsDeployed, Topic.PredictionsRaw, Topic.DeadLetter].map((topic) => ({ name: t(topic), partitions: 2, compacted: topic === Topic.ModelsDeployed })), logger);
    service = startServiceProcess(
      'inference',
      {
        KAFKA_BROKERS: testBrokers().join(','),
        KAFKA_TOPIC_PREFIX: prefix,
        KAFKA_TOPIC_PARTITIONS: '2',
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        INFERENCE_GROUP_ID: `${prefix}inference`,
        REGISTRY_ROOT: registryRoot,
        INFERENCE_MODEL_DIR: path.join(registryRoot, `cache-${prefix}`),
        LOG_LEVEL: 'warn',
      },
      await freePort(),
    );
    return { t, url: service.url };
  }

  async function deploy(topic: string, version: ModelVersion, previous?: string) {
    await producer.send({ topic, messages: [{ key: model, value: JSON.stringify(deployedEvent(version, previous)) }] });
  }

  async function servedVersion(url: string): Promise<string | undefined> {
    const response = await fetch(`${url}/v2/models/${model}`).catch(() => undefined);
    if (!response || response.status !== 200) return undefined;
    return ((await response.json()) as { versions: string[] }).versions[0];
  }

  async function readAll(topic: string): Promise<ConsumedMessage[]> {
    const all: ConsumedMessage[] = [];
    await replayTopic({ kafka, topic, from: 'earliest', logger, handle: (ms) => void all.push(...ms) });
    return all;
  }

  const request = (requestId: string, features: Record<string, unknown>) => ({
    key: requestId,
    value: JSON.stringify({ schemaVersion: 1, requestId, model, features }),
  });

  it('serves the champion over HTTP (Open Inference Protocol) and rejects a bad request naming the feature', async () => {
    const { t, url } = await start();
    await deploy(t(Topic.ModelsDeployed), v1);
    await waitFor(async () => (await servedVersion(url)) === v1.version, 'v1 served', { timeoutMs: 60000, intervalMs: 250 });

    const metadata = (await (await fetch(`${url}/v2/models/${model}`)).json()) as { inputs: { name: string }[] };
    expect(metadata).toMatchObject({ name: model, versions: [v1.version], platform: 'tfjs' });
    expect(metadata.inputs.map((i: { name: string }) => i.name).sort()).toEqual(['age', 'car', 'salary']);

    const rows = loanExamples(50, 99);
    const body = {
      id: 'http-1',
      inputs: ['age', 'salary', 'car'].map((name) => ({
        name,
        shape: [rows.length],
        datatype: name === 'car' ? 'BYTES' : 'FP64',
        data: rows.map((r) => (r.features as Record<string, unknown>)[name]),
      })),
    };
    const response = await fetch(`${url}/v2/models/${model}/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { outputs: { name: string; data: unknown[] }[] };
    expect(answer).toMatchObject({ model_name: model, model_version: v1.version, id: 'http-1' });
    const labels = answer.outputs.find((o) => o.name === 'label')!.data as string[];
    const accuracy = labels.filter((label, i) => label === rows[i].label).length / rows.length;
    expect(accuracy).toBeGreaterThan(0.7);

    const bad = { inputs: [{ name: 'age', shape: [1], datatype: 'BYTES', data: ['old'] }, { name: 'salary', shape: [1], datatype: 'FP64', data: [1] }, { name: 'car', shape: [1], datatype: 'BYTES', data: ['suv'] }] };
    const rejected = await fetch(`${url}/v2/models/${model}/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bad) });
    expect(rejected.status).toBe(400);
    expect(((await rejected.json()) as { error: string }).error).toMatch(/age/);
    expect((await fetch(`${url}/v2/models/unknown-model`)).status).toBe(404);

    // HTTP predictions are emitted as PredictionEvents too.
    await waitFor(async () => (await readAll(t(Topic.PredictionsRaw))).length >= 50, 'the 50 emitted prediction events', { timeoutMs: 20000, intervalMs: 250 });
    const emitted = (await readAll(t(Topic.PredictionsRaw))).map((m) => PredictionEventSchema.parse(JSON.parse(m.value!.toString())));
    expect(emitted.every((e) => e.modelVersion === v1.version && e.model === model)).toBe(true);
  });

  it('switches versions mid-stream without losing or failing a request, and refuses a corrupt version', async () => {
    const { t, url } = await start();
    await deploy(t(Topic.ModelsDeployed), v1);
    await waitFor(async () => (await servedVersion(url)) === v1.version, 'v1 served', { timeoutMs: 60000, intervalMs: 250 });

    const total = 3000;
    const rows = loanExamples(total, 7);
    const bad = 5;
    // Steady load: 30 sends of 100 requests; the deployment of v2 lands in the middle.
    for (let i = 0; i < total; i += 100) {
      const messages = rows.slice(i, i + 100).map((r, j) => request(`req-${i + j}`, r.features as Record<string, unknown>));
      if (i === 1000) messages.push(...Array.from({ length: bad }, (_, k) => request(`bad-${k}`, { age: 'x', salary: 1, car: 'suv' })));
      await producer.send({ topic: t(Topic.InferenceRequests), messages });
      if (i === 1500) await deploy(t(Topic.ModelsDeployed), v2, v1.version);
      await new Promise((r) => setTimeout(r, 20));
    }
    await waitFor(async () => (await readAll(t(Topic.PredictionsRaw))).length >= total, `all ${total} predictions`, { timeoutMs: 120000, intervalMs: 500 });
    const predictions = (await readAll(t(Topic.PredictionsRaw))).map((m) => PredictionEventSchema.parse(JSON.parse(m.value!.toString())));
    const ids = new Set(predictions.map((p) => p.eventId));
    expect(ids.size).toBe(total);
    const versions = new Set(predictions.map((p) => p.modelVersion));
    expect(versions).toEqual(new Set([v1.version, v2.version]));
    expect(await servedVersion(url)).toBe(v2.version);
    const dead = await readAll(t(Topic.DeadLetter));
    expect(dead).toHaveLength(bad);
    expect(dead.every((m) => /age/.test(m.headers.dlq_reason!.toString()))).toBe(true);

    // A tampered copy of v1 registered as v3: the checksum refuses it and v2 keeps serving.
    const v3 = await registerTestModel(registry, model, { seed: 3 });
    const weights = path.join(registryRoot, 'models', model, 'versions', v3.version, 'artifact');
    const file = (await readdir(weights)).find((f) => f.endsWith('.bin'))!;
    const bytes = await readFile(path.join(weights, file));
    bytes[0] ^= 0xff;
    await writeFile(path.join(weights, file), bytes);
    await deploy(t(Topic.ModelsDeployed), v3, v2.version);
    await waitFor(async () => /mlops_model_swaps_total\{model="loan",outcome="failed"\} 1/.test(await (await fetch(`${url}/metrics`)).text()), 'the refused swap in metrics', {
      timeoutMs: 30000,
      intervalMs: 250,
    });
    expect(await servedVersion(url)).toBe(v2.version);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`mlops_model_deployed_info\\{model="loan",version="${v2.version}"\\} 1`));
    expect(metrics).not.toMatch(new RegExp(`mlops_model_deployed_info\\{model="loan",version="${v1.version}"\\}`));
    expect(metrics).toMatch(/mlops_inference_latency_seconds_bucket\{le="[^"]+",model="loan",version="\d+",stage="compute"\}/);
  });
});
