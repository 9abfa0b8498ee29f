export interface TestMlflow {
  trackingUri: string;
  source: 'env' | 'local-script';
  /** The server's version as /version reports it (e.g. "3.17.2"). */
  version: string;
  stop(): Promise<void>;
}

async function serverVersion(trackingUri: string): Promise<string> {
  const base = trackingUri.replace(/\/+$/, '');
  try {
    const health = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) });
    if (!health.ok) throw new Error(`/health answered HTTP ${health.status}`);
    const version = await fetch(`${base}/version`, { signal: AbortSignal.timeout(5000) });
    return version.ok ? (await version.text()).trim() : 'unknown';
  } catch (error) {
    throw new Error(`MLFLOW_TRACKING_URI=${trackingUri} does not answer: ${(error as Error).message}`);
  }
}

/**
 * The MLflow tracking server integration tests use: MLFLOW_TRACKING_URI when set (it must serve
 * artifacts, i.e. run with --serve-artifacts), else a local server from tools/mlflow/local-mlflow.js.
 */
export async function provideTestMlflow(): Promise<TestMlflow> {
  const fromEnv = process.env.MLFLOW_TRACKING_URI?.trim();
  if (fromEnv) {
    return { trackingUri: fromEnv, source: 'env', version: await serverVersion(fromEnv), stop: async () => undefined };
  }
  const local = require('../mlflow/local-mlflow.js') as {
    startLocalMlflow(): Promise<{ trackingUri: string; version: string; stop(): Promise<void> }>;
  };
  const server = await local.startLocalMlflow();
  return { trackingUri: server.trackingUri, source: 'local-script', version: server.version, stop: server.stop };
}

export function describeMlflowSource(server: TestMlflow): string {
  const where = server.source === 'env' ? 'MLFLOW_TRACKING_URI' : 'tools/mlflow/local-mlflow.js';
  return `MLflow ${server.version} at ${server.trackingUri} (from ${where})`;
}
