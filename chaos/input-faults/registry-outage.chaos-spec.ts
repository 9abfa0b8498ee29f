import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ModelRegisteredSchema, ModelRejectedSchema, Topic, type ModelRegistered } from '@mlops/contracts';
import { MlflowRegistry, ModelAlias, type ModelVersion } from '@mlops/registry';
import { freePort, loanExamples, registerTestModel, startServiceProcess, waitFor, type ServiceProcess } from '@mlops/testing';
import type { Message } from 'kafkajs';
import { connectChaosKafka, serviceKafkaEnv, type ChaosKafka } from './support/chaos-kafka';
import { startRestartableMlflow, type RestartableMlflow } from './support/restartable-mlflow';

// The retraining service (REGISTRY=mlflow) against an MLflow server of this test's own, killed
// while a retrain request is being processed and brought back: the request must end as a
// complete registered version or a ModelRejected with a reason, never as a half-registered
// version. What MLflow holds is read back through its own REST API.
jest.setTimeout(300_000);

const PARTITIONS = 2;
const HOUR = 3_600_000;
const MODEL = 'loan-outage';

type KeyValue = { key: string; value: string };
interface MlflowVersion {
  version: string;
  status: string;
  run_id: string;
  source: string;
  tags?: KeyValue[];
}

function labeled(n: number, from: number, to: number, seed: number): Message[] {
  return loanExamples(n, seed).map((example, i) => {
    const eventId = `${MODEL}-${seed}-${i}`;
    return {
      key: eventId,
      value: JSON.stringify({
        schemaVersion: 1,
        eventId,
        model: MODEL,
        modelVersion: '1',
        timestamp: new Date(from + Math.floor(((to - from) * i) / n)).toISOString(),
        features: example.features,
        prediction: { label: 'approve', score: 0.5 },
        label: example.label,
        labelTimestamp: new Date(to).toISOString(),
      }),
    };
  });
}

function retrainRequest(requestId: string, window: { from: number; to: number }): Message {
  return {
    key: MODEL,
    value: JSON.stringify({
      schemaVersion: 1,
      requestId,
      model: MODEL,
      reason: 'concept_drift',
      reportRef: `report-${requestId}`,
      dataWindow: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() },
      requestedAt: new Date().toISOString(),
    }),
  };
}

describe('MLflow unavailable during retraining', () => {
  let chaos: ChaosKafka;
  let work: string;
  let mlflow: RestartableMlflow;
  let registry: MlflowRegistry;
  let retraining: ServiceProcess;
  let champion: ModelVersion;
  const window = { from: Date.now() - 2 * HOUR, to: Date.now() - HOUR };

  async function rest<T>(endpoint: string, query: Record<string, string>): Promise<T> {
    const url = new URL(`${mlflow.trackingUri}/api/2.0/mlflow/${endpoint}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${endpoint}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** Runs of the model's experiment that belong to `requestId` (one per attempt that got that far). */
  async function runsOf(requestId: string): Promise<{ info: { run_id: string; status: string } }[]> {
    const { experiment } = await rest<{ experiment: { experiment_id: string } }>('experiments/get-by-name', { experiment_name: `mlops/${MODEL}` });
    const response = await fetch(`${mlflow.trackingUri}/api/2.0/mlflow/runs/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ experiment_ids: [experiment.experiment_id], filter: `tags."mlops.request_id" = '${requestId}'`, max_results: 100 }),
    });
    return ((await response.json()) as { runs?: { info: { run_id: string; status: string } }[] }).runs ?? [];
  }

  const answers = async () => ({
    registered: (await chaos.readAll(Topic.ModelsRegistered)).map((m) => ModelRegisteredSchema.parse(JSON.parse(m.value!.toString()))),
    rejected: (await chaos.readAll(Topic.ModelsRejected)).map((m) => ModelRejectedSchema.parse(JSON.parse(m.value!.toString()))),
  });

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'chaos-registry-outage-'));
    chaos = await connectChaosKafka('registry-outage');
    mlflow = await startRestartableMlflow(path.join(work, 'mlflow'));
    registry = new MlflowRegistry({ trackingUri: mlflow.trackingUri });
    champion = await registerTestModel(registry, MODEL, { seed: 1, rows: 300, flip: true, requestId: 'initial' });
    await registry.setAlias(MODEL, ModelAlias.Champion, champion.version);
    await chaos.createTopics([Topic.RetrainRequests, Topic.PredictionsLabeled, Topic.ModelsRegistered, Topic.ModelsRejected, Topic.DeadLetter], PARTITIONS);
    await chaos.producer.send({ topic: chaos.t(Topic.PredictionsLabeled), messages: labeled(500, window.from, window.to, 21) });
    retraining = startServiceProcess(
      'retraining',
      {
        ...serviceKafkaEnv(chaos.prefix, PARTITIONS),
        LOG_LEVEL: 'info',
        REGISTRY: 'mlflow',
        MLFLOW_TRACKING_URI: mlflow.trackingUri,
        RETRAINING_GROUP_ID: `${chaos.prefix}retraining`,
        RETRAINING_SESSION_TIMEOUT_MS: '60000',
        RETRAINING_WORK_DIR: path.join(work, 'retraining'),
        RETRAINING_MIN_ROWS: '100',
        RETRAINING_MAX_EPOCHS: '20',
        RETRAINING_LEARNING_RATE: '0.02',
      },
      await freePort(),
    );
    await waitFor(async () => (await fetch(`${retraining.url}/health/ready`).catch(() => undefined))?.status === 200, 'retraining ready', { timeoutMs: 90_000, intervalMs: 250 });
  });

  afterAll(async () => {
    await retraining?.stop('SIGKILL');
    await mlflow?.stop();
    await chaos?.close();
    await rm(work, { recursive: true, force: true });
  });

  /** The request's answer: exactly one, and a registered one must be complete in MLflow. */
  async function expectCompleteAnswer(requestId: string): Promise<ModelRegistered> {
    await waitFor(async () => {
      const { registered, rejected } = await answers();
      return [...registered.map((r) => r.lineage.requestId), ...rejected.map((r) => r.requestId)].includes(requestId);
    }, `an answer to ${requestId}`, { timeoutMs: 150_000, intervalMs: 500 });
    const { registered, rejected } = await answers();
    const refusals = rejected.filter((r) => r.requestId === requestId);
    // This outage is shorter than the service's retry budget, so the request must complete.
    expect(refusals).toEqual([]);
    const mine = registered.filter((r) => r.lineage.requestId === requestId);
    expect(mine).toHaveLength(1);
    return mine[0];
  }

  /** Every version MLflow holds is whole: READY, its run FINISHED with metrics, its tags, its files verified. */
  async function expectEveryVersionComplete(): Promise<MlflowVersion[]> {
    const { model_versions: versions = [] } = await rest<{ model_versions?: MlflowVersion[] }>('model-versions/search', { filter: `name='${MODEL}'`, max_results: '1000' });
    for (const v of versions) {
      expect(v.status).toBe('READY');
      const tags = Object.fromEntries((v.tags ?? []).map((t) => [t.key, t.value]));
      expect(Object.keys(tags)).toEqual(expect.arrayContaining(['mlops.artifact_sha256', 'mlops.baseline_profile_sha256', 'mlops.lineage_sha256', 'mlops.request_id']));
      const { run } = await rest<{ run: { info: { status: string }; data: { metrics?: unknown[] } } }>('runs/get', { run_id: v.run_id });
      expect(run.info.status).toBe('FINISHED');
      expect(run.data.metrics?.length ?? 0).toBeGreaterThan(0);
      // Through the registry: every file, the manifest, the profile and the lineage checksum-verified.
      const full = await registry.getVersion(MODEL, v.version);
      expect(full.lineage.requestId).toBe(tags['mlops.request_id']);
      await registry.downloadVersion(MODEL, v.version, path.join(work, 'verify', `${v.version}-${Date.now()}`));
    }
    const requestIds = versions.map((v) => (v.tags ?? []).find((t) => t.key === 'mlops.request_id')?.value);
    expect(new Set(requestIds).size).toBe(requestIds.length);
    return versions;
  }

  it('killed once training starts, back 8 s later: the request is retried and registers one complete version', async () => {
    const from = retraining.output().length;
    await chaos.producer.send({ topic: chaos.t(Topic.RetrainRequests), messages: [retrainRequest('req-down-before-register', window)] });
    await waitFor(() => retraining.output().slice(from).includes('training challenger'), 'training started', { timeoutMs: 120_000, intervalMs: 25 });
    mlflow.kill();
    const killedAt = Date.now();
    await waitFor(() => retraining.output().slice(from).includes('MLflow request failed, retrying'), 'the service noticing the outage', { timeoutMs: 60_000, intervalMs: 100 });
    await new Promise((r) => setTimeout(r, Math.max(0, 8000 - (Date.now() - killedAt))));
    await mlflow.restart();
    const answer = await expectCompleteAnswer('req-down-before-register');
    const versions = await expectEveryVersionComplete();
    expect(versions.map((v) => v.version)).toContain(answer.version);
    expect(retraining.child.exitCode).toBeNull();
    process.stderr.write(`[registry-outage] killed before registration: answered ${Date.now() - killedAt} ms after the kill, version ${answer.version}\n`);
  });

  it('killed in the middle of registering: no half-registered version, the retry registers one complete version', async () => {
    const requestId = 'req-down-mid-register';
    const from = retraining.output().length;
    await chaos.producer.send({ topic: chaos.t(Topic.RetrainRequests), messages: [retrainRequest(requestId, window)] });
    await waitFor(() => retraining.output().slice(from).includes('training challenger'), 'training started', { timeoutMs: 120_000, intervalMs: 25 });
    // The run is the first thing registration creates; its files, metrics and version follow.
    await waitFor(async () => (await runsOf(requestId).catch(() => [])).length > 0, 'the registration run created', { timeoutMs: 60_000, intervalMs: 20 });
    mlflow.kill();
    const killedAt = Date.now();
    await new Promise((r) => setTimeout(r, 8000));
    await mlflow.restart();
    const answer = await expectCompleteAnswer(requestId);
    const versions = await expectEveryVersionComplete();
    expect(versions.map((v) => v.version)).toContain(answer.version);
    // The interrupted attempt left at most a run without a version; the answer names a finished one.
    const runs = await runsOf(requestId);
    const finished = runs.filter((r) => r.info.status === 'FINISHED');
    expect(finished.map((r) => r.info.run_id)).toContain(versions.find((v) => v.version === answer.version)!.run_id);
    // The kill did land inside the registration: the service saw MLflow fail and retried.
    expect(retraining.output().slice(from)).toContain('MLflow request failed, retrying');
    process.stderr.write(
      `[registry-outage] killed mid-registration: ${runs.length} run(s) for the request (${runs.map((r) => r.info.status).join(', ')}), answered ${Date.now() - killedAt} ms after the kill\n`,
    );
    expect(retraining.child.exitCode).toBeNull();
  });
});
