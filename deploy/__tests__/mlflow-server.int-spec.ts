import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { MlflowRegistry } from '@mlops/registry';
import { freePort, registerTestModel, uniqueName, waitFor } from '@mlops/testing';
import { composeSchema, containerEnvironment, readComposeFile } from './support/compose-file';
import { argsOf, execForm, readDockerfile } from './support/dockerfile';

// The command line of deploy/mlflow/Dockerfile, run with the MLflow the test suite installs
// (tools/mlflow, the same version and constraints) and the environment docker-compose.yml gives
// the mlflow service: only the port, the bind address (loopback) and the store folder differ.
// It proves the server the image would start serves the registry, artifacts included, to
// clients that address it by its compose name. (The image itself is not built: no Docker here.)
const { ensureMlflowInstalled, stopProcessGroup } = require('../../tools/mlflow/local-mlflow.js') as {
  ensureMlflowInstalled(): string;
  stopProcessGroup(pid: number): Promise<void>;
};

jest.setTimeout(180_000);

const final = readDockerfile('deploy/mlflow/Dockerfile').stages.at(-1)!;
const [STORE] = argsOf(final, 'WORKDIR');
const IMAGE_PORT = execForm(argsOf(final, 'CMD')[0]).find((_, i, all) => all[i - 1] === '--port')!;

/** The image's ENV instructions (`A=1 B=2`), as variables. */
function imageEnvironment(): Record<string, string> {
  return Object.fromEntries(argsOf(final, 'ENV').flatMap((args) => [...args.matchAll(/(\w+)=(\S+)/g)].map(([, k, v]) => [k, v])));
}

/** GET `urlPath` from the server with the given Host header (what a client in another container sends). */
function statusFor(port: number, urlPath: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('deploy/mlflow/Dockerfile: its server command, run for real', () => {
  const compose = composeSchema.parse(readComposeFile({ REGISTRY: 'mlflow' }));
  const installDir = ensureMlflowInstalled();
  const bin = path.join(installDir, 'venv', 'bin');
  let work: string;
  let port: number;
  let pid: number;
  let healthcheck: string[];

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'mlops-mlflow-image-'));
    port = await freePort();
    const inContainer = (arg: string) => arg.split(STORE).join(work);
    const [, ...args] = execForm(argsOf(final, 'CMD')[0]).map(inContainer);
    args[args.indexOf('--host') + 1] = '127.0.0.1';
    args[args.indexOf('--port') + 1] = String(port);
    // The image creates the artifacts folder (RUN mkdir -p …) before the server starts.
    mkdirSync(args[args.indexOf('--artifacts-destination') + 1], { recursive: true });
    const env = { ...process.env, ...imageEnvironment(), ...containerEnvironment(compose.services['mlflow']) };
    const child = spawn(path.join(bin, 'mlflow'), args, { cwd: work, env, detached: true, stdio: 'ignore' });
    pid = child.pid!;
    healthcheck = execForm(argsOf(final, 'HEALTHCHECK')[0]).map((arg) => arg.replace(`localhost:${IMAGE_PORT}`, `localhost:${port}`));
    await waitFor(() => spawnSync(path.join(bin, healthcheck[0]), healthcheck.slice(1)).status === 0, 'the image health check to pass', { timeoutMs: 120_000, intervalMs: 500 });
  });

  afterAll(async () => {
    if (pid) await stopProcessGroup(pid);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('passes the image health check once it serves', () => {
    expect(spawnSync(path.join(bin, healthcheck[0]), healthcheck.slice(1)).status).toBe(0);
  });

  it('answers the services at the host name of their MLFLOW_TRACKING_URI, and no other', async () => {
    const uri = new URL(containerEnvironment(compose.services['retraining'], { REGISTRY: 'mlflow' })['MLFLOW_TRACKING_URI']);
    const search = '/api/2.0/mlflow/registered-models/search';
    expect(await statusFor(port, search, uri.host)).toBe(200);
    expect(await statusFor(port, search, `localhost:${IMAGE_PORT}`)).toBe(200);
    expect(await statusFor(port, search, 'attacker.example')).toBe(403);
  });

  it('registers a model version and gives it back through the artifact proxy, stored under the image\'s store folder', async () => {
    const registry = new MlflowRegistry({ trackingUri: `http://127.0.0.1:${port}` });
    const model = uniqueName('image-model');
    const registered = await registerTestModel(registry, model, { rows: 300 });
    const destination = path.join(work, 'download');
    const downloaded = await registry.downloadVersion(model, registered.version, destination);
    expect(downloaded.sha256).toBe(registered.artifact.sha256);
    expect(downloaded.files.length).toBeGreaterThan(0);
    const artifacts = execForm(argsOf(final, 'CMD')[0]).find((_, i, all) => all[i - 1] === '--artifacts-destination')!;
    expect(readdirSync(artifacts.split(STORE).join(work)).length).toBeGreaterThan(0);
    expect(existsSync(path.join(work, 'mlflow.db'))).toBe(true);
  });
});
