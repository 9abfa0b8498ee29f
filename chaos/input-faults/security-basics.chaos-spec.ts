import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DeadLetterHeader, MAX_FEATURE_STRING_LENGTH, MAX_FEATURES, Topic } from '@mlops/contracts';
import { FilesystemRegistry, type ModelVersion } from '@mlops/registry';
import { deployedEvent, freePort, registerTestModel, startServiceProcess, waitFor, type ServiceProcess } from '@mlops/testing';
import { connectChaosKafka, serviceKafkaEnv, statusOf, type ChaosKafka } from './support/chaos-kafka';

// Security basics not covered elsewhere (services/__tests__/security.int-spec.ts covers Kafka
// SASL; the libs' specs cover names, manifests and contract limits one function at a time):
// here the running inference process is attacked through its HTTP and Kafka inputs.
jest.setTimeout(300_000);

const PARTITIONS = 1;
const MODEL = 'loan';

describe('security basics of a running inference service', () => {
  let chaos: ChaosKafka;
  let root: string;
  let version: ModelVersion;
  let inference: ServiceProcess;
  const infer = (body: string) => fetch(`${inference.url}/v2/models/${MODEL}/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const served = async () => {
    const response = await fetch(`${inference.url}/v2/models/${MODEL}`).catch(() => undefined);
    return response?.status === 200 ? ((await response.json()) as { versions: string[] }).versions[0] : undefined;
  };

  beforeAll(async () => {
    chaos = await connectChaosKafka('security');
    root = await mkdtemp(path.join(os.tmpdir(), 'chaos-security-'));
    version = await registerTestModel(new FilesystemRegistry({ root: path.join(root, 'registry') }), MODEL, { seed: 7, rows: 300 });
    await chaos.createTopics([Topic.ModelsDeployed, Topic.InferenceRequests, Topic.PredictionsRaw, Topic.DeadLetter], PARTITIONS);
    await chaos.producer.send({ topic: chaos.t(Topic.ModelsDeployed), messages: [{ key: MODEL, value: JSON.stringify(deployedEvent(version)) }] });
    inference = startServiceProcess(
      'inference',
      {
        ...serviceKafkaEnv(chaos.prefix, PARTITIONS),
        REGISTRY_ROOT: path.join(root, 'registry'),
        INFERENCE_GROUP_ID: `${chaos.prefix}inference`,
        INFERENCE_MODEL_DIR: path.join(root, 'models'),
      },
      await freePort(),
    );
    await waitFor(async () => (await served()) === version.version, 'the model served', { timeoutMs: 90_000, intervalMs: 250 });
  });

  afterAll(async () => {
    await inference?.stop('SIGKILL');
    await chaos?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('limits HTTP inference requests by body size, feature count, string length and rows, and stays up', async () => {
    const input = (name: string, data: unknown[]) => ({ name, shape: [data.length], datatype: typeof data[0] === 'string' ? 'BYTES' : 'FP64', data });
    const valid = [input('age', [41]), input('salary', [72_000]), input('car', ['sedan'])];
    expect((await infer(JSON.stringify({ inputs: valid }))).status).toBe(200);

    // 20 MB of JSON: refused by the body parser before anything reads it.
    const huge = await infer(JSON.stringify({ inputs: valid, parameters: { padding: 'p'.repeat(20 * 1024 * 1024) } }));
    expect(huge.status).toBe(413);
    const tooManyFeatures = Array.from({ length: MAX_FEATURES + 1 }, (_, i) => input(`f${i}`, [i]));
    expect((await infer(JSON.stringify({ inputs: tooManyFeatures }))).status).toBe(400);
    const longString = await infer(JSON.stringify({ inputs: [valid[0], valid[1], input('car', ['c'.repeat(MAX_FEATURE_STRING_LENGTH + 1)])] }));
    expect(longString.status).toBe(400);
    const tooManyRows = Array.from({ length: 10_001 }, () => 41);
    expect((await infer(JSON.stringify({ inputs: [input('age', tooManyRows), input('salary', tooManyRows), input('car', tooManyRows.map(() => 'suv'))] }))).status).toBe(400);
    const traversal = await fetch(`${inference.url}/v2/models/${encodeURIComponent('../../etc/passwd')}/infer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ inputs: valid }) });
    expect([400, 404]).toContain(traversal.status);

    expect(inference.child.exitCode).toBeNull();
    expect(await statusOf(`${inference.url}/health/ready`)).toBe(200);
    expect((await infer(JSON.stringify({ inputs: valid }))).status).toBe(200);
  });

  it('refuses deployments naming paths outside the registry, and a version whose artifact is not the one the event vouches for', async () => {
    const escape = `chaos-escape-${Date.now()}`;
    const traversal = [
      { key: 'traversal-model', value: { ...deployedEvent(version), model: `../../../../tmp/${escape}` } },
      { key: 'traversal-version', value: { ...deployedEvent(version), version: `../../${escape}` } },
    ];
    // A real, intact second version, but the event vouches for another artifact digest.
    const second = await registerTestModel(new FilesystemRegistry({ root: path.join(root, 'registry') }), MODEL, { seed: 8, rows: 300 });
    const otherDigest = createHash('sha256').update('not the registered artifact').digest('hex');
    const digestMismatch = { ...deployedEvent(second, version.version), artifact: { ...second.artifact, sha256: otherDigest } };
    await chaos.producer.send({
      topic: chaos.t(Topic.ModelsDeployed),
      messages: [...traversal.map((f) => ({ key: f.key, value: JSON.stringify(f.value) })), { key: MODEL, value: JSON.stringify(digestMismatch) }],
    });
    await waitFor(async () => /mlops_model_swaps_total\{model="loan",outcome="failed"\} 1/.test(await (await fetch(`${inference.url}/metrics`)).text()), 'the forged deployment refused', {
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    expect(inference.output()).toContain(`artifact sha256 ${second.artifact.sha256} does not match the deployed ${otherDigest}`);
    expect(await served()).toBe(version.version);
    await waitFor(async () => (await chaos.countOf(Topic.DeadLetter)) >= 2, 'the traversal events dead-lettered', { timeoutMs: 30_000, intervalMs: 250 });
    const dead = Object.fromEntries((await chaos.readAll(Topic.DeadLetter)).map((m) => [m.key!.toString(), m.headers[DeadLetterHeader.Reason]!.toString()]));
    expect(dead['traversal-model']).toMatch(/model: must match/);
    expect(dead['traversal-version']).toMatch(/version: must match/);
    expect(inference.child.exitCode).toBeNull();
  });
});

describe('no secret on /metrics or the health endpoints', () => {
  it('keeps MLflow credentials given in MLFLOW_TRACKING_URI off every endpoint of a running service', async () => {
    const token = `tok-${Date.now().toString(36)}-do-not-leak`;
    const chaos = await connectChaosKafka('secrets');
    const tracking = new URL(process.env.MLFLOW_TRACKING_URI as string);
    tracking.username = 'mlops-bot';
    tracking.password = token;
    await chaos.createTopics([Topic.ModelsDeployed, Topic.InferenceRequests, Topic.PredictionsRaw, Topic.DeadLetter], PARTITIONS);
    const service = startServiceProcess(
      'inference',
      { ...serviceKafkaEnv(chaos.prefix, PARTITIONS), LOG_LEVEL: 'debug', REGISTRY: 'mlflow', MLFLOW_TRACKING_URI: tracking.href, INFERENCE_GROUP_ID: `${chaos.prefix}inference` },
      await freePort(),
    );
    try {
      await waitFor(async () => (await statusOf(`${service.url}/health/ready`)) === 200, 'ready', { timeoutMs: 90_000, intervalMs: 250 });
      // A deployment makes the service talk to the registry, so its errors (if any) reach the endpoints' state.
      await chaos.producer.send({
        topic: chaos.t(Topic.ModelsDeployed),
        messages: [{ key: 'absent-model', value: JSON.stringify({ ...deployedEvent({ model: 'absent-model', version: '1', artifact: { uri: 'models:/absent-model/1', sha256: 'a'.repeat(64) }, baselineProfile: { uri: 'models:/absent-model/1/profile', sha256: 'b'.repeat(64) } }) }) }],
      });
      await waitFor(() => /absent-model/.test(service.output()), 'the deployment handled', { timeoutMs: 60_000, intervalMs: 250 });
      const endpoints = ['/metrics', '/health/live', '/health/ready', '/v2/health/live', '/v2/health/ready', '/v2/models/absent-model'];
      const bodies = await Promise.all(endpoints.map(async (p) => [p, await (await fetch(`${service.url}${p}`)).text()] as const));
      expect(bodies.filter(([, body]) => body.includes(token)).map(([p]) => p)).toEqual([]);
      expect(bodies[0][1]).toMatch(/mlops_service_info/);
    } finally {
      await service.stop('SIGKILL');
      await chaos.close();
    }
  });
});
