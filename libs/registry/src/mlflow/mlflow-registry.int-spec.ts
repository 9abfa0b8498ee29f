import { uniqueName } from '@mlops/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineRegistryContract } from '../__tests__/registry.contract';
import { versionInput, writeSavedModel } from '../__tests__/saved-model.fixture';
import { ChecksumMismatchError } from '../errors/checksum-mismatch.error';
import { artifactFileUrlPath, artifactProxyPath } from './artifact-proxy-path';
import { MLFLOW_LAYOUT } from './mlflow-layout';
import { MlflowRegistry } from './mlflow-registry';

// Set by tools/jest/integration-global-setup.ts: MLFLOW_TRACKING_URI, or a local server.
const trackingUri = process.env.MLFLOW_TRACKING_URI as string;

/** Overwrites a stored file through the artifact proxy: works on any server, local or not. */
async function overwriteArtifact(directoryUri: string, path: string, bytes: Buffer): Promise<void> {
  const url = trackingUri.replace(/\/+$/, '') + artifactFileUrlPath(artifactProxyPath(directoryUri), path);
  const response = await fetch(url, { method: 'PUT', body: bytes });
  if (!response.ok) throw new Error(`tampering failed: HTTP ${response.status}`);
}

async function mlflowGet(endpoint: string, query: Record<string, string>): Promise<Record<string, unknown>> {
  const url = new URL(`${trackingUri.replace(/\/+$/, '')}/api/2.0/mlflow/${endpoint}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

function newRegistry(): MlflowRegistry {
  return new MlflowRegistry({ trackingUri, experimentPrefix: 'test/' });
}

defineRegistryContract('MlflowRegistry', async () => {
  const registry = newRegistry();
  return {
    registry,
    tamper: async (model, version, path, bytes) => overwriteArtifact((await registry.getVersion(model, version)).artifact.uri, path, bytes),
  };
});

describe('MlflowRegistry — what the MLflow server holds', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'mlflow-registry-'));
    await writeSavedModel(join(work, 'src'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('runs against MLflow 2.x or 3.x', async () => {
    const version = (await (await fetch(`${trackingUri.replace(/\/+$/, '')}/version`)).text()).trim();
    process.stderr.write(`[mlflow] MlflowRegistry tested against MLflow ${version}\n`);
    expect(version).toMatch(/^[23]\.\d+\.\d+/);
  });

  it('logs a run in the model experiment and registers the version and aliases from it', async () => {
    const registry = newRegistry();
    const model = uniqueName('mlflow');
    const created = await registry.createVersion(versionInput(model, join(work, 'src')));
    await registry.setAlias(model, 'champion', created.version);

    const experiment = (await mlflowGet('experiments/get-by-name', { experiment_name: `test/${model}` })).experiment as { experiment_id: string };
    const mv = (await mlflowGet('model-versions/get', { name: model, version: '1' })).model_version as { run_id: string; source: string };
    const run = (await mlflowGet('runs/get', { run_id: mv.run_id })).run as {
      info: { experiment_id: string; status: string };
      data: { params: { key: string; value: string }[]; metrics: { key: string; value: number }[]; tags: { key: string; value: string }[] };
    };
    expect(run.info).toMatchObject({ experiment_id: experiment.experiment_id, status: 'FINISHED' });
    expect(run.data.params).toEqual(expect.arrayContaining([{ key: 'epochs', value: '20' }]));
    expect(run.data.metrics).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'accuracy', value: 0.91 })]));
    expect(run.data.tags).toEqual(expect.arrayContaining([{ key: 'trainer', value: 'retraining' }]));
    expect(mv.source).toBe(created.artifact.uri);
    const registered = (await mlflowGet('registered-models/get', { name: model })).registered_model as { aliases: unknown[] };
    expect(registered.aliases).toEqual([{ alias: 'champion', version: '1' }]);
  });

  it('gives concurrent registrations of one model distinct, gap-free versions', async () => {
    const model = uniqueName('mlflow');
    const created = await Promise.all([0, 1, 2, 3].map(() => newRegistry().createVersion(versionInput(model, join(work, 'src')))));
    expect(created.map((v) => v.version).sort()).toEqual(['1', '2', '3', '4']);
  });

  it('detects a tampered manifest or baseline profile on read', async () => {
    const registry = newRegistry();
    const model = uniqueName('mlflow');
    const created = await registry.createVersion(versionInput(model, join(work, 'src')));
    const runUri = created.artifact.uri.replace(/\/model$/, '');
    await overwriteArtifact(runUri, MLFLOW_LAYOUT.profile, Buffer.from('{"rows":1}'));
    await expect(registry.getBaselineProfile(model, '1')).rejects.toThrow(ChecksumMismatchError);
    await overwriteArtifact(runUri, MLFLOW_LAYOUT.manifest, Buffer.from('{"algorithm":"sha256","files":[]}'));
    await expect(registry.getVersion(model, '1')).rejects.toThrow(ChecksumMismatchError);
  });
});
