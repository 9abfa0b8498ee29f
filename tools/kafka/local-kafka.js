// A real, single-node Apache Kafka broker (KRaft: broker + controller in one JVM) on loopback,
// for development and tests on machines without Docker.
//
// First use resolves the pinned broker from Maven Central with `mvn` into a cache folder
// (KAFKA_CACHE_DIR, default <repo>/.cache/kafka); afterwards it starts offline. Each start
// formats a fresh log directory, binds free ports on 127.0.0.1, waits until the broker
// answers a metadata request, and returns the bootstrap address and a stop() that leaves
// no Java process behind (and halt()/resume(), an outage on the same ports and data).
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const KAFKA_VERSION = '4.1.1'; // keep in step with tools/kafka/pom.xml
const TOOL_DIR = __dirname;
const REPO_ROOT = path.resolve(TOOL_DIR, '..', '..');

function cacheRoot() {
  return path.resolve(process.env.KAFKA_CACHE_DIR || path.join(REPO_ROOT, '.cache', 'kafka'));
}

function jarsDir() {
  return path.join(cacheRoot(), KAFKA_VERSION, 'libs');
}

function log(message) {
  process.stderr.write(`[local-kafka] ${message}\n`);
}

/** Resolves the broker jars once; later calls are offline no-ops. */
function ensureKafkaInstalled() {
  const dir = jarsDir();
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return dir;
  log(`resolving Apache Kafka ${KAFKA_VERSION} with Maven into ${dir} (first use only)`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const result = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-Dstyle.color=never',
      '-f',
      path.join(TOOL_DIR, 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${dir}`,
      '-DincludeScope=runtime',
    ],
    { stdio: 'inherit' },
  );
  if (result.error) throw new Error(`cannot run mvn (is Maven installed?): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`mvn exited with ${result.status} while resolving Kafka ${KAFKA_VERSION}`);
  if (!fs.readdirSync(dir).some((f) => f.startsWith('kafka_2.13-'))) {
    throw new Error(`mvn finished but no kafka_2.13 jar is in ${dir}`);
  }
  fs.writeFileSync(marker, new Date().toISOString());
  return dir;
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

/** Kafka's cluster id: 16 random bytes in unpadded base64url (22 chars), not starting with '-'. */
function randomClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** JAAS values are quoted strings: refuse anything that could break out of the quotes. */
function jaasSafe(value, what) {
  if (!/^[A-Za-z0-9._~!@#$%^&*()+=-]{1,200}$/.test(value)) throw new Error(`${what} may contain only [A-Za-z0-9._~!@#$%^&*()+=-]`);
  return value;
}

function serverProperties({ brokerPort, controllerPort, logDir, sasl }) {
  // With `sasl`, clients must authenticate (SASL/PLAIN over plaintext: for testing the clients'
  // SASL settings, not for production); the broker talks to itself on an internal listener.
  const listeners = sasl
    ? [
        `listeners=SASL_PLAINTEXT://127.0.0.1:${brokerPort},INTERNAL://127.0.0.1:${sasl.internalPort},CONTROLLER://127.0.0.1:${controllerPort}`,
        `advertised.listeners=SASL_PLAINTEXT://127.0.0.1:${brokerPort},INTERNAL://127.0.0.1:${sasl.internalPort}`,
        'listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT',
        'inter.broker.listener.name=INTERNAL',
        'sasl.enabled.mechanisms=PLAIN',
        `listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_${jaasSafe(sasl.username, 'username')}="${jaasSafe(sasl.password, 'password')}";`,
      ]
    : [
        `listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
        `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
        'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
        'inter.broker.listener.name=PLAINTEXT',
      ];
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    ...listeners,
    'controller.listener.names=CONTROLLER',
    `log.dirs=${logDir}`,
    // Single node: internal topics cannot have more than one replica.
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=4',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Tests join and leave groups constantly: do not wait 3 s before the first rebalance.
    'group.initial.rebalance.delay.ms=0',
    // Topics are created explicitly (libs/kafka topic bootstrap), as in production.
    'auto.create.topics.enable=false',
    'num.partitions=1',
    'log.segment.bytes=1048576',
    'log.retention.check.interval.ms=60000',
    'log.cleaner.backoff.ms=1000',
    'num.network.threads=2',
    'num.io.threads=2',
    '',
  ].join('\n');
}

function java(args, opts) {
  return spawnSync('java', args, { encoding: 'utf8', ...opts });
}

async function waitForMetadata(brokers, child, timeoutMs, sasl) {
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({
    clientId: 'local-kafka-probe',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 1000,
    ...(sasl ? { sasl: { mechanism: 'plain', username: sasl.username, password: sasl.password } } : {}),
  });
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`broker exited with code ${child.exitCode} during start-up`);
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length > 0 && cluster.controller !== null) return cluster;
    } catch (error) {
      lastError = error;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`broker did not answer a metadata request within ${timeoutMs} ms: ${lastError && lastError.message}`);
}

function waitForExit(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts a broker and resolves when it answers metadata requests.
 *
 * Besides stop() (for good: the JVM, and the data unless `workDir` was given), the handle can
 * take the broker down and bring it back as a real outage would: halt() ends the JVM (SIGTERM, a
 * controlled shutdown, or SIGKILL, a crash) and keeps its ports and log directory; resume() starts
 * it again on the same ports with the same data, so clients reconnect to the address they know.
 * @param {{ workDir?: string, heap?: string, startTimeoutMs?: number, detached?: boolean, sasl?: { username: string, password: string } }} [options]
 * @returns {Promise<{ brokers: string, pid: number, workDir: string, logFile: string, stop: () => Promise<void>, halt: (options?: { signal?: 'SIGTERM' | 'SIGKILL' }) => Promise<void>, resume: () => Promise<void>, isRunning: () => boolean }>}
 */
async function startLocalKafka(options = {}) {
  const libs = ensureKafkaInstalled();
  const classpath = path.join(libs, '*');
  const workDir = options.workDir || fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-kafka-'));
  const logDir = path.join(workDir, 'data');
  const logFile = path.join(workDir, 'broker.log');
  fs.mkdirSync(logDir, { recursive: true });
  const [brokerPort, controllerPort] = [await freePort(), await freePort()];
  const sasl = options.sasl ? { ...options.sasl, internalPort: await freePort() } : undefined;
  const propsFile = path.join(workDir, 'server.properties');
  fs.writeFileSync(propsFile, serverProperties({ brokerPort, controllerPort, logDir, sasl }));

  const log4j = `-Dlog4j2.configurationFile=${path.join(TOOL_DIR, 'log4j2.properties')}`;
  const logProp = `-Dkafka.logs.file=${logFile}`;
  const format = java(
    [log4j, logProp, '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', randomClusterId(), '-c', propsFile, '--ignore-formatted'],
    { cwd: workDir },
  );
  if (format.status !== 0) {
    throw new Error(`formatting the log directory failed: ${format.stderr || format.stdout || format.error}`);
  }

  const heap = options.heap || process.env.KAFKA_HEAP || '768m';
  const brokers = `127.0.0.1:${brokerPort}`;
  const startTimeoutMs = options.startTimeoutMs || 90000;
  let child;
  const killOnExit = () => child && child.kill('SIGKILL');
  const isRunning = () => Boolean(child) && child.exitCode === null && child.signalCode === null;

  const launch = () => {
    child = spawn(
      'java',
      [`-Xms128m`, `-Xmx${heap}`, '-XX:+UseG1GC', '-Djava.awt.headless=true', log4j, logProp, '-cp', classpath, 'kafka.Kafka', propsFile],
      { cwd: workDir, stdio: options.detached ? 'ignore' : ['ignore', 'inherit', 'inherit'], detached: Boolean(options.detached) },
    );
    if (!options.detached) process.once('exit', killOnExit);
  };

  const halt = async ({ signal = 'SIGTERM' } = {}) => {
    process.removeListener('exit', killOnExit);
    if (!isRunning()) return;
    child.kill(signal);
    // A single-node controlled shutdown takes a few seconds; never leave the JVM behind.
    if (!(await waitForExit(child, 20000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5000);
    }
  };

  const stop = async () => {
    await halt();
    if (!options.workDir) fs.rmSync(workDir, { recursive: true, force: true });
  };

  const resume = async () => {
    if (isRunning()) return;
    launch();
    await waitForMetadata(brokers, child, startTimeoutMs, options.sasl);
  };

  launch();
  try {
    await waitForMetadata(brokers, child, startTimeoutMs, options.sasl);
  } catch (error) {
    await stop();
    throw error;
  }
  if (options.detached) child.unref();
  return {
    brokers,
    // The current JVM's pid: resume() starts a new process.
    get pid() {
      return child.pid;
    },
    workDir,
    logFile,
    stop,
    halt,
    resume,
    isRunning,
  };
}

module.exports = { KAFKA_VERSION, ensureKafkaInstalled, startLocalKafka, cacheRoot };
