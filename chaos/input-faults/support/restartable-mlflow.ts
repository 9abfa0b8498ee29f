import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { waitFor } from '@mlops/testing';

interface LocalMlflow {
  ensureMlflowInstalled(): string;
  startLocalMlflow(options: { workDir?: string; startTimeoutMs?: number }): Promise<{ trackingUri: string; pid: number; workDir: string; artifactsDir: string; logFile: string; stop(): Promise<void> }>;
  stopProcessGroup(pid: number): Promise<void>;
}
const local = require(path.resolve(__dirname, '..', '..', '..', 'tools', 'mlflow', 'local-mlflow.js')) as LocalMlflow;

export interface RestartableMlflow {
  readonly trackingUri: string;
  /** An abrupt stop (SIGKILL to the server and its workers), as a crash or an evicted pod. */
  kill(): void;
  /** Starts the server again on the same port, database and artifact store. */
  restart(): Promise<void>;
  /** Stops it for good and removes its files. */
  stop(): Promise<void>;
}

/**
 * A tracking server of this test's own (tools/mlflow/local-mlflow.js) that can be killed and
 * brought back with its state. local-mlflow.js starts every server on a fresh copy of its
 * template database and a new port, so the restart runs the same command line itself.
 */
export async function startRestartableMlflow(workDir: string): Promise<RestartableMlflow> {
  const first = await local.startLocalMlflow({ workDir, startTimeoutMs: 120_000 });
  const port = new URL(first.trackingUri).port;
  let pid = first.pid;
  const killGroup = () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const groupAlive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  process.once('exit', killGroup);
  return {
    trackingUri: first.trackingUri,
    kill: killGroup,
    async restart() {
      await waitFor(() => !groupAlive(), 'the killed MLflow server gone', { timeoutMs: 10_000, intervalMs: 50 });
      const out = openSync(first.logFile, 'a');
      const child = spawn(
        path.join(local.ensureMlflowInstalled(), 'venv', 'bin', 'mlflow'),
        // The same arguments as local-mlflow.js, on the same port, files and database.
        ['server', '--backend-store-uri', `sqlite:///${path.join(workDir, 'mlflow.db')}`, '--default-artifact-root', 'mlflow-artifacts:/', '--artifacts-destination', first.artifactsDir, '--serve-artifacts', '--host', '127.0.0.1', '--port', port, '--workers', '1'],
        { cwd: workDir, detached: true, stdio: ['ignore', out, out], env: { ...process.env, PYTHONUNBUFFERED: '1', MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false' } },
      );
      closeSync(out);
      pid = child.pid!;
      await waitFor(async () => (await fetch(`${first.trackingUri}/health`, { signal: AbortSignal.timeout(1000) }).catch(() => undefined))?.ok === true, 'MLflow answering /health again', {
        timeoutMs: 120_000,
        intervalMs: 200,
      });
    },
    async stop() {
      process.removeListener('exit', killGroup);
      await local.stopProcessGroup(pid);
      await first.stop();
    },
  };
}
