import { readFile, rm } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FilesystemRegistry, MlflowRegistry, type ModelRegistry } from '@mlops/registry';

/** A registry for one integration spec, the variables that point the CLI at it, and its own view of the champion alias. */
export interface RegistryUnderTest {
  readonly kind: 'filesystem' | 'mlflow';
  readonly registry: ModelRegistry;
  readonly env: Record<string, string>;
  /** The champion alias as the registry's storage (filesystem) or MLflow's own REST API shows it. */
  championAlias(model: string): Promise<string | undefined>;
  cleanup(): Promise<void>;
}

export function filesystemRegistryUnderTest(): RegistryUnderTest {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mlops-cli-int-registry-'));
  return {
    kind: 'filesystem',
    registry: new FilesystemRegistry({ root }),
    env: { REGISTRY: 'filesystem', REGISTRY_ROOT: root },
    championAlias: async (model) => {
      const text = await readFile(path.join(root, 'models', model, 'aliases', 'champion.json'), 'utf8').catch(() => undefined);
      return text === undefined ? undefined : (JSON.parse(text) as { version: string }).version;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** The shared MLflow server of the integration tests (MLFLOW_TRACKING_URI, set by the global setup). */
export function mlflowRegistryUnderTest(): RegistryUnderTest {
  const trackingUri = (process.env.MLFLOW_TRACKING_URI ?? '').replace(/\/+$/, '');
  if (!trackingUri) throw new Error('MLFLOW_TRACKING_URI is not set: run with `npm run test:int`, whose global setup provides an MLflow server');
  return {
    kind: 'mlflow',
    registry: new MlflowRegistry({ trackingUri }),
    env: { REGISTRY: 'mlflow', MLFLOW_TRACKING_URI: trackingUri },
    championAlias: async (model) => {
      const body = (await mlflowGet(trackingUri, `registered-models/get?name=${encodeURIComponent(model)}`)) as { registered_model?: { aliases?: { alias: string; version: string }[] } };
      return body.registered_model?.aliases?.find((a) => a.alias === 'champion')?.version;
    },
    cleanup: async () => undefined,
  };
}

/** GET on MLflow's REST API (`/api/2.0/mlflow/<path>`), as JSON. */
export async function mlflowGet(trackingUri: string, apiPath: string): Promise<unknown> {
  const response = await fetch(`${trackingUri}/api/2.0/mlflow/${apiPath}`);
  return response.json();
}
