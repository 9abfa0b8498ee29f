#!/usr/bin/env node
// Command line for the local broker:
//   node tools/kafka/kafka-cli.js install   resolve the pinned broker into the cache (needs Maven, once)
//   node tools/kafka/kafka-cli.js run       run in the foreground until Ctrl-C
//   node tools/kafka/kafka-cli.js start     start in the background; prints KAFKA_BROKERS=...
//   node tools/kafka/kafka-cli.js stop      stop the background broker and delete its data
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { ensureKafkaInstalled, startLocalKafka, cacheRoot, KAFKA_VERSION } = require('./local-kafka');

const stateFile = () => path.join(cacheRoot(), 'run', 'broker.json');

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopBackground() {
  const file = stateFile();
  if (!fs.existsSync(file)) {
    console.log('no background broker recorded');
    return;
  }
  const state = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (isAlive(state.pid)) {
    process.kill(state.pid, 'SIGTERM');
    const deadline = Date.now() + 20000;
    while (isAlive(state.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (isAlive(state.pid)) process.kill(state.pid, 'SIGKILL');
  }
  fs.rmSync(state.workDir, { recursive: true, force: true });
  fs.rmSync(file, { force: true });
  console.log(`stopped broker ${state.brokers} (pid ${state.pid})`);
}

async function main(command) {
  switch (command) {
    case 'install':
      console.log(`Apache Kafka ${KAFKA_VERSION} jars in ${ensureKafkaInstalled()}`);
      return;
    case 'run': {
      const broker = await startLocalKafka();
      console.log(`KAFKA_BROKERS=${broker.brokers}`);
      console.log(`Apache Kafka ${KAFKA_VERSION} running (log: ${broker.logFile}); Ctrl-C stops it`);
      const shutdown = () => broker.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return;
    }
    case 'start': {
      const file = stateFile();
      if (fs.existsSync(file)) {
        const state = JSON.parse(fs.readFileSync(file, 'utf8'));
        if (isAlive(state.pid)) {
          console.log(`KAFKA_BROKERS=${state.brokers}`);
          return;
        }
      }
      const workDir = path.join(cacheRoot(), 'run', 'data');
      fs.rmSync(workDir, { recursive: true, force: true });
      const broker = await startLocalKafka({ detached: true, workDir });
      fs.writeFileSync(file, JSON.stringify({ pid: broker.pid, brokers: broker.brokers, workDir }, null, 2));
      console.log(`KAFKA_BROKERS=${broker.brokers}`);
      return;
    }
    case 'stop':
      await stopBackground();
      return;
    default:
      console.error('usage: kafka-cli.js install|run|start|stop');
      process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error) => {
  console.error(`[local-kafka] ${error.message}`);
  process.exitCode = 1;
});
