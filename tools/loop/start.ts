/**
 * `npm start`: the whole self-healing loop on one machine.
 *
 * Starts (or reuses, with KAFKA_BROKERS) a Kafka broker, creates the topics under a fresh prefix,
 * trains the first model on the scenario's first phase and hands it to the deployment service,
 * starts the five services as separate processes, plays the scenario through the inference
 * service, shows a live status line, and prints a timeline at the end. With `--exit` it plays the
 * scenario to its end and exits 0 only if the loop healed. With `--prometheus` a local Prometheus
 * (tools/prometheus) scrapes the services and evaluates the repo's alert rules. Ctrl-C stops
 * everything it started.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TOPIC_SPECS, Topic, topicName } from '@mlops/contracts';
import { createIdempotentProducer, createKafkaClient, ensureTopics } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import { createModelRegistry } from '@mlops/registry';
import { loadScenario, playToKafka, simulate, systemPlaybackClock } from '@mlops/simulation';
import { Command, InvalidArgumentError } from 'commander';
import { deployFirstModel, servedVersion } from './first-model';
import { accuracy } from './loop-state';
import { observeLoop } from './loop-observer';
import { startLocalPrometheus } from '../prometheus/local-prometheus';
import { freePortRange } from './free-port-range';
import { judgeLoop, PhaseSpan } from './loop-verdict';
import { SERVICES, startFleet, waitUntilReady } from './service-fleet';

const root = path.resolve(__dirname, '..', '..');
const positive = (what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a positive ${what}`);
  return n;
};

const basePort = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1024 || n > 65535 - 4) throw new InvalidArgumentError('expected a port number from 1024 to 65531');
  return n;
};

interface LoopOptions {
  scenario: string;
  rate: number;
  exit: boolean;
  margin: number;
  windowEvents: number;
  graceSeconds: number;
  trainRows: number;
  report?: string;
  basePort?: number;
  prometheus: boolean;
}

function parseOptions(argv: string[]): LoopOptions {
  return new Command('npm start --')
    .description('Run the self-healing loop: broker, five services, a drift scenario, live status and a timeline.')
    .option('--scenario <name|file>', 'built-in scenario (see libs/simulation/scenarios) or a YAML/JSON file', 'demo')
    .option('--rate <events/s>', 'predictions per second', positive('rate'), 200)
    .option('--exit', 'play the scenario to its end, print the timeline, exit 0 only if the loop healed', false)
    .option('--margin <accuracy>', 'how close to the pre-drift accuracy counts as recovered', positive('margin'), 0.05)
    .option('--window-events <n>', 'drift window size in predictions', positive('count'), 1000)
    .option('--grace-seconds <s>', 'with --exit: how long to wait for healing after the scenario ends', positive('duration'), 120)
    .option('--train-rows <n>', 'rows of the first phase the first model is trained on', positive('count'), 4000)
    .option('--report <file>', 'write the timeline and checks as JSON')
    .option('--base-port <port>', 'HTTP ports of the five services: this one and the next four (default: free ones)', basePort)
    .option('--prometheus', 'also run a local Prometheus that scrapes the services and evaluates deploy/prometheus/rules (for: durations ÷60)', false)
    .parse(argv, { from: 'user' })
    .opts<LoopOptions>();
}

const elapsed = (from: number, at?: number) => (at === undefined ? '—' : `${((at - from) / 1000).toFixed(1)} s`);

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const scenario = loadScenario(options.scenario);
  const model = scenario.model;
  const runId = `loop${Date.now().toString(36)}`;
  const prefix = `${runId}.`;
  const dataDir = path.join(root, '.cache', 'loop', runId);
  mkdirSync(dataDir, { recursive: true });
  const logger = createLogger({ name: 'loop', level: 'warn' });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  };
  let interrupted = false;
  const stopPlayback = new AbortController();
  process.once('SIGINT', () => {
    interrupted = true;
    stopPlayback.abort();
    say('\nstopping…');
  });

  try {
    // 1. Broker. One partition per topic: ingestion keys `predictions` by model, so with one
    // model a single partition carries the whole stream (and no idle partition holds windows back).
    let brokers = process.env.KAFKA_BROKERS?.trim();
    if (!brokers) {
      const local = require(path.join(root, 'tools', 'kafka', 'local-kafka.js')) as { startLocalKafka(): Promise<{ brokers: string; stop(): Promise<void> }> };
      say('starting a local Apache Kafka broker…');
      const broker = await local.startLocalKafka();
      cleanups.push(() => broker.stop());
      brokers = broker.brokers;
    }
    say(`Kafka: ${brokers} · topics under "${prefix}" · data in ${path.relative(root, dataDir)}`);
    const kafka = createKafkaClient({ brokers: brokers.split(','), clientId: 'loop', topicPrefix: prefix, connectionTimeoutMs: 3000, requestTimeoutMs: 30000 }, logger);
    const topic = (t: Topic) => topicName(t, prefix);
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, Object.values(Topic).map((t) => ({ name: topic(t), partitions: 1, compacted: TOPIC_SPECS[t].compacted })), logger);
    await admin.disconnect();

    // 2. Registry: MLflow when MLFLOW_TRACKING_URI is set, else the embedded filesystem registry.
    const mlflow = process.env.MLFLOW_TRACKING_URI?.trim();
    const registryEnv: Record<string, string> = mlflow ? { REGISTRY: 'mlflow', MLFLOW_TRACKING_URI: mlflow } : { REGISTRY: 'filesystem', REGISTRY_ROOT: path.join(dataDir, 'registry') };
    const registry = createModelRegistry(mlflow ? { kind: 'mlflow', trackingUri: mlflow, logger } : { kind: 'filesystem', root: path.join(dataDir, 'registry'), logger });
    say(`registry: ${mlflow ? `MLflow at ${mlflow}` : 'embedded filesystem'}`);

    // 3. Services.
    const base = options.basePort ?? (await freePortRange(SERVICES.length));
    const ports = Object.fromEntries(SERVICES.map((s, i) => [s, base + i])) as Record<(typeof SERVICES)[number], number>;
    const env = { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '1', KAFKA_SESSION_TIMEOUT_MS: '10000', LOG_LEVEL: 'info', ...registryEnv };
    const fleet = startFleet(env, ports, path.join(dataDir, 'logs'), {
      ingestion: { INGESTION_GROUP_ID: `${prefix}ingestion` },
      inference: { INFERENCE_GROUP_ID: `${prefix}inference`, INFERENCE_MODEL_DIR: path.join(dataDir, 'inference') },
      'drift-computation': { DRIFT_GROUP_ID: `${prefix}drift`, DRIFT_WINDOW_KIND: 'count', DRIFT_WINDOW_EVENTS: String(options.windowEvents), DRIFT_LABEL_WAIT_WINDOWS: '3', DRIFT_IDLE_TIMEOUT: '5s' },
      retraining: { RETRAINING_GROUP_ID: `${prefix}retraining`, RETRAINING_WORK_DIR: path.join(dataDir, 'retraining'), RETRAINING_CATEGORICAL_FEATURES: 'elevel,car,zipcode' },
      deployment: { DEPLOYMENT_GROUP_ID: `${prefix}deployment`, DEPLOYMENT_WORK_DIR: path.join(dataDir, 'deployment') },
    });
    cleanups.push(() => fleet.stop());
    if (options.prometheus) {
      // Started with the services, so it also sees them come up; its TSDB stays with the run's data.
      const prometheus = await startLocalPrometheus({ targets: SERVICES.map((s) => ({ service: s, address: `127.0.0.1:${ports[s]}` })), dir: path.join(dataDir, 'prometheus') });
      cleanups.push(() => prometheus.stop());
      say(`Prometheus: ${prometheus.url} (scrapes the five services every second; alerts from deploy/prometheus/rules, for: durations ÷60; ${prometheus.url}/alerts)`);
    }
    say('starting ingestion, inference, drift-computation, retraining, deployment…');
    await waitUntilReady(fleet, 120_000);
    say(`services ready: ${SERVICES.map((s) => `${s} ${fleet.urls[s]}`).join(' · ')}`);

    const phases: PhaseSpan[] = [];
    for (const phase of scenario.phases) phases.push({ name: phase.name, start: phases.reduce((n, p) => n + p.events, 0), events: phase.events });
    const observer = await observeLoop(kafka, topic, phases);
    cleanups.push(() => observer.stop());
    const { state } = observer;

    // 4. The first model: trained on the first phase, registered, handed to deployment.
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    cleanups.push(() => producer.disconnect());
    const first = await deployFirstModel({
      scenario,
      registry,
      producer,
      topic,
      workDir: dataDir,
      inferenceUrl: fleet.urls.inference,
      logger,
      rows: Math.min(options.trainRows, phases[0].events),
      rate: options.rate,
      runId,
      trainer: 'loop',
      onRegistered: (m) =>
        say(`first model: ${model} v${m.version} trained on ${m.rows} rows in ${m.trainSeconds.toFixed(1)} s (accuracy ${m.accuracy?.toFixed(3) ?? 'n/a'}); waiting for deployment…`),
    });
    const initialVersion = first.version;
    say(`deployed and served: ${model} v${initialVersion}`);

    // 5. Play the scenario through the inference service, with a live status line.
    const start = Date.now();
    const total = phases.reduce((n, p) => n + p.events, 0);
    const driftStartedAt = phases[1] ? start + (phases[1].start / options.rate) * 1000 : undefined;
    let sent = 0;
    const status = setInterval(() => {
      const last = state.reports[state.reports.length - 1];
      const champion = state.deployed[state.deployed.length - 1]?.version ?? '—';
      const phase = phases.find((p) => sent >= p.start && sent < p.start + p.events)?.name ?? 'done';
      const lastDecision = [...state.retrainRequests.map((r) => ({ at: r.at, text: `retrain requested (${r.reason})` })), ...state.deployed.map((d) => ({ at: d.at, text: `deployed v${d.version}` })), ...state.rejected.map((r) => ({ at: r.at, text: `rejected (${r.reason})` }))].sort((a, b) => b.at - a.at)[0];
      say(
        `[${elapsed(start, Date.now())}] ${phase.padEnd(16)} sent ${sent}/${total} · labeled ${state.labeled} · window ${last ? `${last.driftType} share ${last.datasetShare.toFixed(2)} acc ${last.accuracy?.toFixed(3) ?? 'n/a'}` : '—'} · champion v${champion} · ${lastDecision?.text ?? 'no decision yet'}`,
      );
    }, 2000);
    cleanups.push(async () => clearInterval(status));
    await playToKafka(simulate(scenario, { start, rate: options.rate, runId }), {
      producer,
      target: 'inference',
      topicPrefix: prefix,
      batchSize: 200,
      pace: { streamStartMs: start, clock: systemPlaybackClock },
      signal: stopPlayback.signal,
      onProgress: (p) => (sent = p.predictions),
    });

    // 6. With --exit, wait for the loop to heal (or the grace period to end); then the verdict.
    let serving = await servedVersion(fleet.urls.inference, model);
    const judge = () => judgeLoop(state, phases, driftStartedAt, options.margin, initialVersion, serving);
    if (options.exit && !interrupted) {
      const deadline = Date.now() + options.graceSeconds * 1000;
      while (!judge().healed && Date.now() < deadline && !interrupted) {
        await sleep(1000);
        serving = await servedVersion(fleet.urls.inference, model);
      }
    }
    clearInterval(status);
    const verdict = judge();
    say('\ntimeline (since the scenario started):');
    for (const step of verdict.timeline) say(`  ${elapsed(start, step.atMs).padStart(8)}  ${step.label}`);
    say('accuracy (labeled predictions):');
    for (const p of phases) say(`  ${p.name.padEnd(18)} ${accuracy(state.byPhase[p.name])?.toFixed(3) ?? 'n/a'}`);
    say(`  before drift ${fmt(verdict.accuracy.beforeDrift)} · during drift (v${initialVersion}) ${fmt(verdict.accuracy.duringDrift)} · after redeploy ${fmt(verdict.accuracy.afterRedeploy)}`);
    say('checks:');
    for (const c of verdict.checks) say(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
    say(verdict.healed ? 'the loop healed.' : 'the loop did not heal.');
    if (options.report) {
      writeFileSync(options.report, JSON.stringify({ runId, prefix, initialVersion, scenario: scenario.name, phases, verdict, state: { ...state, reports: state.reports.slice(-200) } }, null, 2));
    }
    if (!options.exit && !interrupted) {
      say('scenario done; services keep running. Ctrl-C stops everything.');
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
    return options.exit ? (verdict.healed ? 0 : 1) : 0;
  } finally {
    await cleanup();
  }
}


function fmt(value: number | undefined): string {
  return value === undefined ? 'n/a' : value.toFixed(3);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}



main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`npm start: ${error.message}\n`);
    process.exit(2);
  },
);
