import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FilesystemRegistry, MlflowRegistry, type ModelRegistry, type ModelVersion } from '@mlops/registry';

/** A registry for a test, the environment that points a service at it, and a way to corrupt a stored file. */
export interface RegistryFixture {
  kind: 'filesystem' | 'mlflow';
  registry: ModelRegistry;
  env: Record<string, string>;
  /** Flips the first byte of one stored artifact file, as disk rot or tampering would. */
  corrupt(version: ModelVersion, file: string): Promise<void>;
  /** The champion alias as the registry's own storage (or MLflow's REST API) shows it. */
  championAlias(model: string): Promise<string | undefined>;
  cleanup(): Promise<void>;
}

export async function filesystemFixture(): Promise<RegistryFixture> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'deployment-int-registry-'));
  const registry = new FilesystemRegistry({ root });
  return {
    kind: 'filesystem',
    registry,
    env: { REGISTRY: 'filesystem', REGISTRY_ROOT: root },
    corrupt: async (version, file) => {
      const target = path.join(root, 'models', version.model, 'versions', version.version, 'artifact', file);
      const bytes = await readFile(target);
      bytes[0] ^= 0xff;
      await writeFile(target, bytes);
    },
    championAlias: async (model) => {
      const text = await readFile(path.join(root, 'models', model, 'aliases', 'champion.json'), 'utf8').catch(() => undefined);
      return text === undefined ? undefined : (JSON.parse(text) as { version: string }).version;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

export async function mlflowFixture(): Promise<RegistryFixture> {
  // Set by tools/jest/integration-global-setup.ts: MLFLOW_TRACKING_URI, or a local server.
  const trackingUri = (process.env.MLFLOW_TRACKING_URI as string).replace(/\/+$/, '');
  const registry = new MlflowRegistry({ trackingUri });
  return {
    kind: 'mlflow',
    registry,
    env: { REGISTRY: 'mlflow', MLFLOW_TRACKING_URI: trackingUri },
    corrupt: async (version, file) => {
      // Through the tracking server's artifact proxy, as any client could.
      const directory = version.artifact.uri.replace(/^mlflow-artifacts:(?:\/\/[^/]*)?\/*/, '').replace(/\/+$/, '');
      const url = `${trackingUri}/api/2.0/mlflow-artifacts/artifacts/${[...directory.split('/'), file].map(encodeURIComponent).join('/')}`;
      const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
      bytes[0] ^= 0xff;
      const response = await fetch(url, { method: 'PUT', body: bytes });
      if (!response.ok) throw new Error(`tampering failed: HTTP ${response.status}`);
    },
    championAlias: async (model) => {
      const response = await fetch(`${trackingUri}/api/2.0/mlflow/registered-models/get?name=${encodeURIComponent(model)}`);
      const body = (await response.json()) as { registered_model?: { aliases?: { alias: string; version: string }[] } };
      return body.registered_model?.aliases?.find((a) => a.alias === 'champion')?.version;
    },
    cleanup: async () => undefined,
  };
}
