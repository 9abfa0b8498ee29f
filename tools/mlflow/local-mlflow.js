// A real MLflow tracking server on loopback, for development and tests (no Docker).
//
// First use creates a Python virtual environment in a cache folder (MLFLOW_CACHE_DIR, default
// <repo>/.cache/mlflow) and installs the pinned MLflow from PyPI into it; afterwards it starts
// offline. Each start copies an already-migrated SQLite database (so start-up skips the schema
// migrations), uses a fresh local artifact folder served through the tracking server's artifact
// proxy (--serve-artifacts), binds a free port on 127.0.0.1, waits until /health answers, and
// returns the tracking URI and a stop() that leaves no Python process behind.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

// The default server of the test suite. MLFLOW_VERSION picks another one (2.22.4, the last 2.x
// release, is tested too); each version gets its own virtual environment in the cache, and
// constraints/mlflow-<version>.txt pins its Python dependencies when present.
const MLFLOW_VERSION = '3.17.2';
const REPO_ROOT = path.resolve(__dirname, '..', '..');

function mlflowVersion() {
  return process.env.MLFLOW_VERSION || MLFLOW_VERSION;
}

function cacheRoot() {
  return path.resolve(process.env.MLFLOW_CACHE_DIR || path.join(REPO_ROOT, '.cache', 'mlflow'));
}

function installDir(version = mlflowVersion()) {
  return path.join(cacheRoot(), version);
}

function log(message) {
  process.stderr.write(`[local-mlflow] ${message}\n`);
}

function run(command, args, what) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new Error(`cannot run ${command} (${what}): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} failed: ${command} exited with ${result.status}`);
}

function python() {
  return process.env.MLFLOW_PYTHON || 'python3';
}

/**
 * Creates the virtual environment, installs MLflow and migrates a template database, once per
 * version; later calls are offline no-ops. Returns the install directory.
 */
function ensureMlflowInstalled(version = mlflowVersion()) {
  const dir = installDir(version);
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return dir;
  log(`installing MLflow ${version} with pip into ${dir} (first use only)`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const venv = path.join(dir, 'venv');
  run(python(), ['-m', 'venv', venv], 'creating the virtual environment (is python3-venv installed?)');
  const constraints = path.join(__dirname, 'constraints', `mlflow-${version}.txt`);
  const pinned = fs.existsSync(constraints) ? ['--constraint', constraints] : [];
  if (pinned.length === 0) log(`no constraints file for ${version}: pip picks the newest dependencies`);
  run(
    path.join(venv, 'bin', 'pip'),
    ['install', '--disable-pip-version-check', '--no-input', '--quiet', ...pinned, `mlflow==${version}`],
    `pip install mlflow==${version}`,
  );
  // Creating and migrating an empty database takes seconds; doing it once here keeps every
  // start fast. The store's constructor does it the same way on MLflow 2.x and 3.x (`mlflow db
  // upgrade` cannot start from an empty file on 2.x). Its artifact root is never used.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mlflow-template-'));
  run(
    path.join(venv, 'bin', 'python'),
    [
      '-c',
      'import sys; from mlflow.store.tracking.sqlalchemy_store import SqlAlchemyStore; SqlAlchemyStore(sys.argv[1], sys.argv[2])',
      `sqlite:///${templateDb(dir)}`,
      scratch,
    ],
    'creating the template database',
  );
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.writeFileSync(marker, new Date().toISOString());
  return dir;
}

function templateDb(dir) {
  return path.join(dir, 'template.db');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function waitForGroupExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !groupAlive(pid);
}

/** Stops the server and every worker it forked (they share its process group). */
async function stopProcessGroup(pid) {
  if (!groupAlive(pid)) return;
  killGroup(pid, 'SIGTERM');
  if (!(await waitForGroupExit(pid, 10000))) {
    killGroup(pid, 'SIGKILL');
    await waitForGroupExit(pid, 5000);
  }
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function waitForHealth(uri, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`mlflow server exited with code ${child.exitCode} during start-up:\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${uri}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`mlflow server did not answer /health within ${timeoutMs} ms (${lastError}):\n${tail(logFile)}`);
}

/**
 * Starts a tracking server and resolves when /health answers.
 * @param {{ workDir?: string, startTimeoutMs?: number, detached?: boolean }} [options]
 * @returns {Promise<{ trackingUri: string, version: string, pid: number, workDir: string, artifactsDir: string, logFile: string, stop: () => Promise<void> }>}
 */
async function startLocalMlflow(options = {}) {
  const version = mlflowVersion();
  const dir = ensureMlflowInstalled(version);
  const workDir = options.workDir || fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-mlflow-'));
  fs.mkdirSync(workDir, { recursive: true });
  const dbFile = path.join(workDir, 'mlflow.db');
  const artifactsDir = path.join(workDir, 'artifacts');
  const logFile = path.join(workDir, 'server.log');
  fs.copyFileSync(templateDb(dir), dbFile);
  fs.mkdirSync(artifactsDir, { recursive: true });
  const port = await freePort();
  const trackingUri = `http://127.0.0.1:${port}`;

  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    path.join(dir, 'venv', 'bin', 'mlflow'),
    [
      'server',
      '--backend-store-uri',
      `sqlite:///${dbFile}`,
      '--default-artifact-root',
      'mlflow-artifacts:/',
      '--artifacts-destination',
      artifactsDir,
      '--serve-artifacts',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--workers',
      '1',
    ],
    {
      cwd: workDir,
      // Its own process group, so stop() reaches the uvicorn/gunicorn workers it forks.
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        PYTHONUNBUFFERED: '1',
        // MLflow 3.x forks a background job runner (huey consumers) the registry never uses.
        MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false',
      },
    },
  );
  fs.closeSync(out);
  const killOnExit = () => killGroup(child.pid, 'SIGKILL');
  if (!options.detached) process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await stopProcessGroup(child.pid);
    if (!options.workDir) fs.rmSync(workDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(trackingUri, child, logFile, options.startTimeoutMs || 60000);
  } catch (error) {
    await stop();
    throw error;
  }
  if (options.detached) child.unref();
  return { trackingUri, version, pid: child.pid, workDir, artifactsDir, logFile, stop };
}

module.exports = { MLFLOW_VERSION, mlflowVersion, ensureMlflowInstalled, startLocalMlflow, stopProcessGroup, cacheRoot };
