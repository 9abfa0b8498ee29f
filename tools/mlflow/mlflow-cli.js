#!/usr/bin/env node
// Command line for the local MLflow tracking server:
//   node tools/mlflow/mlflow-cli.js install   create the cached venv and install the pinned MLflow (needs PyPI, once)
//   node tools/mlflow/mlflow-cli.js run       run in the foreground until Ctrl-C
//   node tools/mlflow/mlflow-cli.js start     start in the background; prints MLFLOW_TRACKING_URI=...
//   node tools/mlflow/mlflow-cli.js stop      stop the background server and delete its data
// MLFLOW_VERSION selects another MLflow release (default: the pinned one); MLFLOW_CACHE_DIR the cache.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { ensureMlflowInstalled, startLocalMlflow, stopProcessGroup, cacheRoot, mlflowVersion } = require('./local-mlflow');

const stateFile = () => path.join(cacheRoot(), 'run', 'server.json');

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readState() {
  const file = stateFile();
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

async function stopBackground() {
  const state = readState();
  if (!state) {
    console.log('no background MLflow server recorded');
    return;
  }
  await stopProcessGroup(state.pid);
  fs.rmSync(state.workDir, { recursive: true, force: true });
  fs.rmSync(stateFile(), { force: true });
  console.log(`stopped MLflow ${state.version} at ${state.trackingUri} (pid ${state.pid})`);
}

async function main(command) {
  switch (command) {
    case 'install':
      console.log(`MLflow ${mlflowVersion()} installed in ${ensureMlflowInstalled()}`);
      return;
    case 'run': {
      const server = await startLocalMlflow();
      console.log(`MLFLOW_TRACKING_URI=${server.trackingUri}`);
      console.log(`MLflow ${server.version} running (log: ${server.logFile}); Ctrl-C stops it`);
      const shutdown = () => server.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return;
    }
    case 'start': {
      const state = readState();
      if (state && isAlive(state.pid)) {
        console.log(`MLFLOW_TRACKING_URI=${state.trackingUri}`);
        return;
      }
      const workDir = path.join(cacheRoot(), 'run', 'data');
      fs.rmSync(workDir, { recursive: true, force: true });
      const server = await startLocalMlflow({ detached: true, workDir });
      fs.writeFileSync(
        stateFile(),
        JSON.stringify({ pid: server.pid, trackingUri: server.trackingUri, version: server.version, workDir }, null, 2),
      );
      console.log(`MLFLOW_TRACKING_URI=${server.trackingUri}`);
      return;
    }
    case 'stop':
      await stopBackground();
      return;
    default:
      console.error('usage: mlflow-cli.js install|run|start|stop');
      process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error) => {
  console.error(`[local-mlflow] ${error.message}`);
  process.exitCode = 1;
});
