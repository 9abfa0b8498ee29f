import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ModelDeployedSchema, ModelRejectedSchema, PredictionEventSchema, Topic, type ModelRegistered } from '@mlops/contracts';
import { FilesystemRegistry, type ModelVersion } from '@mlops/registry';
import { deployedEvent, freePort, loanExamples, registerTestModel, startServiceProcess, waitFor, type ServiceProcess } from '@mlops/testing';
import { connectChaosKafka, serviceKafkaEnv, statusOf, type ChaosKafka } from './support/chaos-kafka';
import { goodRequests, ids } from './support/good-traffic';
import { accuracyOf } from './support/model-quality';

// Three poisoned versions of a served model — an artifact tampered after registration
// (checksum mismatch), one whose outputs are all NaN, one much worse than the champion — go
// through the real deployment process, and the two broken ones are also forced on inference by
// a ModelDeployed written straight to models.deployed. None of them is ever served.
jest.setTimeout(300_000);

const PARTITIONS = 2;
const MODEL = 'loan';

describe('poison models', () => {
  let chaos: ChaosKafka;
  let root: string;
  let registry: FilesystemRegistry;
  let deployment: ServiceProcess;
  let inference: ServiceProcess;
  let champion: ModelVersion;
  let tampered: ModelVersion;
  let nan: ModelVersion;
  let worse: ModelVersion;
  const holdout = loanExamples(500, 99);
  const accuracy: Record<string, number> = {};

  beforeAll(async () => {
    chaos = await connectChaosKafka('poison-models');
    root = await mkdtemp(path.join(os.tmpdir(), 'chaos-poison-models-'));
    registry = new FilesystemRegistry({ root: path.join(root, 'registry') });
    champion = await registerTestModel(registry, MODEL, { seed: 1, rows: 400, requestId: 'req-champion' });
    tampered = await registerTestModel(registry, MODEL, { seed: 2, rows: 400, requestId: 'req-tampered' });
    nan = await registerTestModel(registry, MODEL, { seed: 3, rows: 400, requestId: 'req-nan', nanWeights: true });
    worse = await registerTestModel(registry, MODEL, { seed: 4, rows: 400, requestId: 'req-worse', flip: true });
    for (const v of [champion, tampered, worse]) accuracy[v.version] = await accuracyOf(registry, v, holdout);
    // Disk rot or an attacker: one byte of the stored weights flipped after registration.
    const weights = path.join(root, 'registry', 'models', MODEL, 'versions', tampered.version, 'artifact', 'weights.bin');
    const bytes = await readFile(weights);
    bytes[bytes.length >> 1] ^= 0x01;
    await writeFile(weights, bytes);

    await chaos.createTopics(
      [Topic.ModelsRegistered, Topic.ModelsRejected, Topic.ModelsDeployed, Topic.DeployCommands, Topic.InferenceRequests, Topic.PredictionsRaw, Topic.DeadLetter],
      PARTITIONS,
    );
    const env = { ...serviceKafkaEnv(chaos.prefix, PARTITIONS), REGISTRY: 'filesystem', REGISTRY_ROOT: path.join(root, 'registry') };
    deployment = startServiceProcess('deployment', { ...env, DEPLOYMENT_GROUP_ID: `${chaos.prefix}deployment`, DEPLOYMENT_WORK_DIR: path.join(root, 'deployment') }, await freePort());
    inference = startServiceProcess('inference', { ...env, INFERENCE_GROUP_ID: `${chaos.prefix}inference`, INFERENCE_MODEL_DIR: path.join(root, 'inference') }, await freePort());
    await waitFor(async () => (await statusOf(`${deployment.url}/health/ready`)) === 200 && (await statusOf(`${inference.url}/health/ready`)) === 200, 'both ready', {
      timeoutMs: 90_000,
      intervalMs: 250,
    });
  });

  afterAll(async () => {
    await Promise.all([deployment?.stop('SIGKILL'), inference?.stop('SIGKILL')]);
    await chaos?.close();
    await rm(root, { recursive: true, force: true });
  });

  const registered = (v: ModelVersion, comparison: ModelRegistered['comparison']): ModelRegistered => ({
    schemaVersion: 1,
    model: v.model,
    version: v.version,
    metrics: v.metrics,
    comparison,
    lineage: { requestId: v.lineage.requestId, dataWindow: v.lineage.dataWindow },
    artifact: v.artifact,
    baselineProfile: v.baselineProfile,
    registeredAt: new Date().toISOString(),
  });
  const send = (topic: Topic, value: unknown) => chaos.producer.send({ topic: chaos.t(topic), messages: [{ key: MODEL, value: JSON.stringify(value) }] });
  const deployedVersions = async () => (await chaos.readAll(Topic.ModelsDeployed)).map((m) => ModelDeployedSchema.parse(JSON.parse(m.value!.toString())).version);
  const rejections = async () => (await chaos.readAll(Topic.ModelsRejected)).map((m) => ModelRejectedSchema.parse(JSON.parse(m.value!.toString())));
  const served = async () => {
    const response = await fetch(`${inference.url}/v2/models/${MODEL}`).catch(() => undefined);
    return response?.status === 200 ? ((await response.json()) as { versions: string[] }).versions[0] : undefined;
  };
  const metric = async (service: ServiceProcess, pattern: RegExp) => Number((await (await fetch(`${service.url}/metrics`)).text()).match(pattern)?.[1] ?? 0);

  it('the deployment service refuses each poisoned version with its reason and never publishes it', async () => {
    await send(Topic.ModelsRegistered, registered(champion, { primaryMetric: 'accuracy', challenger: accuracy[champion.version], outperformsChampion: true }));
    await waitFor(async () => (await deployedVersions()).length === 1, 'the champion deployed', { timeoutMs: 60_000, intervalMs: 250 });
    await waitFor(async () => (await served()) === champion.version, 'inference serves the champion', { timeoutMs: 60_000, intervalMs: 250 });

    const versus = { primaryMetric: 'accuracy', champion: accuracy[champion.version], championVersion: champion.version };
    // The tampered and NaN versions claim to be better: only the artifact gates can stop them.
    await send(Topic.ModelsRegistered, registered(tampered, { ...versus, challenger: 0.999, outperformsChampion: true }));
    await send(Topic.ModelsRegistered, registered(nan, { ...versus, challenger: 0.999, outperformsChampion: true }));
    // Measured honestly on the same rows: trained on flipped labels, it is much worse.
    expect(accuracy[worse.version]).toBeLessThan(accuracy[champion.version] - 0.3);
    await send(Topic.ModelsRegistered, registered(worse, { ...versus, challenger: accuracy[worse.version], outperformsChampion: false }));

    await waitFor(async () => (await rejections()).length >= 3, 'three refusals', { timeoutMs: 120_000, intervalMs: 250 });
    await new Promise((r) => setTimeout(r, 1000));
    const refused = Object.fromEntries((await rejections()).map((r) => [r.version, r]));
    expect(Object.keys(refused).sort()).toEqual([tampered.version, nan.version, worse.version].sort());
    expect(refused[tampered.version]).toMatchObject({ model: MODEL, requestId: 'req-tampered', reason: 'gate_failed', detail: expect.stringMatching(/checksum: fail \(.*weights\.bin/) });
    expect(refused[nan.version]).toMatchObject({ requestId: 'req-nan', reason: 'gate_failed', detail: expect.stringMatching(/sanity: fail \(\d+ of \d+ sanity rows give non-finite outputs/) });
    expect(refused[worse.version]).toMatchObject({ requestId: 'req-worse', reason: 'not_better_than_champion', detail: expect.stringMatching(/metric: fail/) });
    expect(await deployedVersions()).toEqual([champion.version]);
    expect(await metric(deployment, /mlops_deployments_total\{model="loan",outcome="refused"\} (\d+)/)).toBe(3);
    expect(await served()).toBe(champion.version);
  });

  it('inference keeps serving the champion when a tampered or NaN version is forced on it through models.deployed', async () => {
    // Injected directly, as a buggy or hostile producer could: no deployment gate in between.
    await send(Topic.ModelsDeployed, deployedEvent(tampered, champion.version));
    await send(Topic.ModelsDeployed, deployedEvent(nan, champion.version));
    await waitFor(async () => (await metric(inference, /mlops_model_swaps_total\{model="loan",outcome="failed"\} (\d+)/)) === 2, 'two refused swaps', {
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    expect(await served()).toBe(champion.version);
    const metrics = await (await fetch(`${inference.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`mlops_model_deployed_info\\{model="loan",version="${champion.version}"\\} 1`));
    expect(metrics).not.toMatch(new RegExp(`mlops_model_deployed_info\\{model="loan",version="(?:${tampered.version}|${nan.version})"\\}`));
    expect(inference.output()).toMatch(/checksum|sha256/i);

    // Requests after the injections are answered by the champion, with finite scores.
    const requestIds = ids('after-injection', 200);
    await chaos.producer.send({ topic: chaos.t(Topic.InferenceRequests), messages: goodRequests(requestIds, 5) });
    await waitFor(async () => (await chaos.countOf(Topic.PredictionsRaw)) >= requestIds.length, '200 predictions', { timeoutMs: 60_000, intervalMs: 250 });
    const predictions = (await chaos.readAll(Topic.PredictionsRaw)).map((m) => PredictionEventSchema.parse(JSON.parse(m.value!.toString())));
    expect(predictions).toHaveLength(requestIds.length);
    expect(new Set(predictions.map((p) => p.modelVersion))).toEqual(new Set([champion.version]));
    expect(predictions.every((p) => typeof p.prediction === 'object' && Number.isFinite((p.prediction as { score: number }).score))).toBe(true);
    expect(inference.child.exitCode).toBeNull();
    expect(deployment.child.exitCode).toBeNull();
  });
});
