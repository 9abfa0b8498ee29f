/**
 * `npm run bench:pipeline`: the whole pipeline on loopback — five service processes, one broker —
 * measured in three parts, each against what a bare kafkajs loop does in the same run:
 *
 * 1. Sustained rate. BENCH_EVENTS inference requests (Agrawal features, model already serving)
 *    are produced as fast as possible; each stage's rate is events / (last − first growth of its
 *    output): inference (`inference.requests` → `predictions.raw`), ingestion (→ `predictions`),
 *    drift (→ events counted in closed windows on `drift.reports`), and end to end (first
 *    request produced → last window report). Baseline: a bare consume→produce loop copying the
 *    same number of prediction events between two topics (one hop, no work). The stages run
 *    concurrently, so a stage's rate here is bounded by the slowest stage upstream of it; each
 *    service's own capacity in isolation is what bench:ingestion, bench:inference and
 *    bench:drift-computation measure.
 * 2. Latency from an event's production to its inclusion in a closed window, at a steady
 *    BENCH_LATENCY_RATE: every topic has one partition, so events keep their order and the k-th
 *    count window holds events [kW, (k+1)W); an event's latency is the arrival of its window's
 *    report minus its produce time. Reported: p50/p99 over events, and the pipeline delay alone
 *    (report arrival − produce time of the window's last event).
 * 3. Healing time: `npm start -- --scenario e2e-short --exit` on the same broker, split by stage
 *    (drift onset → detected → retrain requested → challenger registered → deployed).
 *
 * Not a test: it prints figures and a final `RESULT {json}` line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DriftReport, TOPIC_SPECS, Topic, topicName } from '@mlops/contracts';
import { ensureTopics, noDelaySocketFactory } from '@mlops/kafka';
import { silentLogger } from '@mlops/observability';
import { createModelRegistry } from '@mlops/registry';
import { loadScenario, simulate } from '@mlops/simulation';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { deployFirstModel } from '../../tools/loop/first-model';
import { SERVICES, startFleet, waitUntilReady } from '../../tools/loop/service-fleet';
import { benchBroker, startBareLoop, watchGrowth } from '../support/bench-broker';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 40_000);
const WINDOW = Number(process.env.BENCH_WINDOW_EVENTS ?? 5_000);
const LATENCY_RATE = Number(process.env.BENCH_LATENCY_RATE ?? 1_000);
const LATENCY_WINDOWS = Number(process.env.BENCH_LATENCY_WINDOWS ?? 4);
const HEAL = process.env.BENCH_SKIP_HEAL !== 'true';
const root = path.resolve(__dirname, '..', '..');
const SCENARIO = path.join(root, 'tools/loop/scenarios/e2e-short.yaml');

type Features = Record<string, number | string | boolean | null>;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stableFeatures(count: number): Features[] {
  const scenario = loadScenario(SCENARIO);
  const rows: Features[] = [];
  for (const record of simulate(scenario, { start: Date.now(), rate: 1000, runId: 'benchpipe', limit: Math.min(count, scenario.phases[0].events) })) {
    if (record.kind === 'prediction') rows.push(record.event.features as Features);
  }
  return rows;
}

function request(i: number, model: string, features: Features): { key: string; value: string } {
  return { key: `r${i}`, value: JSON.stringify({ schemaVersion: 1, requestId: `r${i}`, model, features }) };
}

/** Produces the requests [from, to) in sends of 2000; resolves with each request's produce time (ms). */
async function produceRequests(producer: Producer, topic: string, model: string, rows: Features[], from: number, to: number, times: Float64Array): Promise<void> {
  for (let i = from; i < to; i += 2000) {
    const end = Math.min(i + 2000, to);
    const messages = [];
    for (let k = i; k < end; k++) messages.push(request(k, model, rows[k % rows.length]));
    const at = Date.now();
    for (let k = i; k < end; k++) times[k] = at;
    await producer.send({ topic, messages });
  }
}

/** Collects every drift report with its arrival time. */
async function watchReports(kafka: Kafka, topic: string) {
  const reports: { at: number; samples: number; report: DriftReport }[] = [];
  const consumer = kafka.consumer({ groupId: `${topic}.bench-watch` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (!message.value) return;
      const report = JSON.parse(message.value.toString()) as DriftReport;
      reports.push({ at: Date.now(), samples: report.samples.current, report });
    },
  });
  const counted = () => reports.reduce((n, r) => n + r.samples, 0);
  return { reports, counted, stop: () => consumer.disconnect() };
}

async function bareHop(kafka: Kafka, prefix: string, rows: Features[]): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const source = `${prefix}bare.source`;
  const sink = `${prefix}bare.sink`;
  await admin.createTopics({ topics: [source, sink].map((topic) => ({ topic, numPartitions: 1 })), waitForLeaders: true });
  const producer = kafka.producer();
  await producer.connect();
  // The same payload size as the pipeline's prediction events: a full PredictionEvent per message.
  for (let i = 0; i < EVENTS; i += 2000) {
    const messages = [];
    for (let k = i; k < Math.min(i + 2000, EVENTS); k++) {
      messages.push({ key: 'loan', value: JSON.stringify({ schemaVersion: 1, eventId: `r${k}`, model: 'loan', modelVersion: '1', timestamp: new Date().toISOString(), features: rows[k % rows.length], prediction: { label: 'A', score: 0.5 }, latencyMs: 1 }) });
    }
    await producer.send({ topic: source, messages });
  }
  await producer.disconnect();
  const loop = await startBareLoop(kafka, source, sink, 500);
  const { firstMs, lastMs } = await watchGrowth(admin, sink, EVENTS, 300_000);
  await loop.stop();
  await admin.disconnect();
  return EVENTS / ((lastMs - firstMs) / 1000);
}

interface HealTimeline {
  healed: boolean;
  detectSeconds?: number;
  requestSeconds?: number;
  retrainSeconds?: number;
  deploySeconds?: number;
  totalSeconds?: number;
}

async function healTimeline(brokers: string): Promise<HealTimeline> {
  const reportFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-heal-')), 'loop.json');
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', 'tools/loop/start.ts', '--scenario', SCENARIO, '--rate', '300', '--window-events', '2000', '--exit', '--grace-seconds', '120', '--report', reportFile],
    { cwd: root, env: { ...process.env, KAFKA_BROKERS: brokers, MLFLOW_TRACKING_URI: '' }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { verdict: { healed: boolean; timeline: { label: string; atMs?: number }[] } };
  const at = (prefix: string) => report.verdict.timeline.find((t) => t.label.startsWith(prefix))?.atMs;
  const began = at('drift began');
  const detected = at('drift detected');
  const requested = at('retraining requested');
  const registered = at('challenger registered');
  const deployed = at('new version deployed');
  const span = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : (b - a) / 1000);
  return {
    healed: code === 0 && report.verdict.healed,
    detectSeconds: span(began, detected),
    requestSeconds: span(detected, requested),
    retrainSeconds: span(requested, registered),
    deploySeconds: span(registered, deployed),
    totalSeconds: span(began, deployed),
  };
}

async function main(): Promise<void> {
  const broker = await benchBroker();
  const prefix = `benchpipe${Date.now().toString(36)}.`;
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'bench-pipeline-'));
  const kafka = new Kafka({ clientId: 'bench-pipeline', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING, socketFactory: noDelaySocketFactory });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, Object.values(Topic).map((t) => ({ name: topicName(t, prefix), partitions: 1, compacted: TOPIC_SPECS[t].compacted })), silentLogger);
  process.stdout.write(`broker: ${broker.source} (${broker.brokers}); ${EVENTS} events, count windows of ${WINDOW}\n`);

  const base = 15000 + Math.floor(Math.random() * 2000);
  const ports = Object.fromEntries(SERVICES.map((s, i) => [s, base + i])) as Record<(typeof SERVICES)[number], number>;
  const registryRoot = path.join(workDir, 'registry');
  const fleet = startFleet(
    { KAFKA_BROKERS: broker.brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '1', LOG_LEVEL: 'warn', REGISTRY: 'filesystem', REGISTRY_ROOT: registryRoot },
    ports,
    path.join(workDir, 'logs'),
    {
      ingestion: { INGESTION_GROUP_ID: `${prefix}ingestion` },
      inference: { INFERENCE_GROUP_ID: `${prefix}inference`, INFERENCE_MODEL_DIR: path.join(workDir, 'inference') },
      // No retrain requests during the measurement: the stable stream should not raise one, and a
      // high consecutive-window bar keeps a false alarm from starting a training mid-measurement.
      'drift-computation': { DRIFT_GROUP_ID: `${prefix}drift`, DRIFT_WINDOW_KIND: 'count', DRIFT_WINDOW_EVENTS: String(WINDOW), DRIFT_LABEL_WAIT_WINDOWS: '0', DRIFT_POLICY_CONSECUTIVE_WINDOWS: '1000' },
      retraining: { RETRAINING_GROUP_ID: `${prefix}retraining`, RETRAINING_WORK_DIR: path.join(workDir, 'retraining'), RETRAINING_CATEGORICAL_FEATURES: 'elevel,car,zipcode' },
      deployment: { DEPLOYMENT_GROUP_ID: `${prefix}deployment`, DEPLOYMENT_WORK_DIR: path.join(workDir, 'deployment') },
    },
  );
  try {
    await waitUntilReady(fleet, 180_000);
    const registrar = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await registrar.connect();
    const scenario = loadScenario(SCENARIO);
    await deployFirstModel({
      scenario,
      registry: createModelRegistry({ kind: 'filesystem', root: registryRoot, logger: silentLogger }),
      producer: registrar,
      topic: (t) => topicName(t, prefix),
      workDir,
      inferenceUrl: fleet.urls.inference,
      logger: silentLogger,
      rows: 4000,
      rate: 1000,
      runId: 'bench',
      trainer: 'bench',
      timeoutMs: 180_000,
    });
    await registrar.disconnect();
    const model = scenario.model;
    const rows = stableFeatures(10_000);
    const reports = await watchReports(kafka, topicName(Topic.DriftReports, prefix));
    const producer = kafka.producer();
    await producer.connect();
    const requestsTopic = topicName(Topic.InferenceRequests, prefix);
    const total = EVENTS + LATENCY_WINDOWS * WINDOW;
    const producedAt = new Float64Array(total);

    // 1. Sustained rate.
    const started = Date.now();
    const growth = Promise.all([
      watchGrowth(admin, topicName(Topic.PredictionsRaw, prefix), EVENTS, 900_000),
      watchGrowth(admin, topicName(Topic.Predictions, prefix), EVENTS, 900_000),
    ]);
    await produceRequests(producer, requestsTopic, model, rows, 0, EVENTS, producedAt);
    const produceRate = EVENTS / ((Date.now() - started) / 1000);
    const [inference, ingestion] = await growth;
    const deadline = Date.now() + 900_000;
    while (reports.counted() < EVENTS && Date.now() < deadline) await sleep(100);
    if (reports.counted() < EVENTS) throw new Error(`drift windows counted ${reports.counted()} of ${EVENTS}`);
    const firstReport = reports.reports[0].at;
    const lastReport = reports.reports[reports.reports.length - 1].at;
    const rate = (span: { firstMs: number; lastMs: number }) => EVENTS / ((span.lastMs - span.firstMs) / 1000);
    // Windows close every WINDOW events, so the first report comes after the first window is full:
    // the drift stage's rate counts the windows after the first one.
    const driftRate = ((reports.reports.length - 1) * WINDOW) / ((lastReport - firstReport) / 1000);
    const endToEnd = EVENTS / ((lastReport - started) / 1000);

    // 2. Latency at a steady rate: one window's worth of requests every WINDOW / LATENCY_RATE s.
    const reportsBefore = reports.reports.length;
    const latencyStart = Date.now();
    for (let i = EVENTS; i < total; i += 100) {
      await produceRequests(producer, requestsTopic, model, rows, i, Math.min(i + 100, total), producedAt);
      const due = latencyStart + ((i + 100 - EVENTS) / LATENCY_RATE) * 1000;
      if (due > Date.now()) await sleep(due - Date.now());
    }
    while (reports.reports.length < reportsBefore + LATENCY_WINDOWS && Date.now() < deadline + 300_000) await sleep(50);
    const latencies: number[] = [];
    const delays: number[] = [];
    reports.reports.slice(reportsBefore, reportsBefore + LATENCY_WINDOWS).forEach((r, k) => {
      if (r.samples !== WINDOW) throw new Error(`window of ${r.samples} events, expected ${WINDOW}: the latency mapping needs full count windows`);
      const first = EVENTS + k * WINDOW;
      for (let i = first; i < first + WINDOW; i++) latencies.push(r.at - producedAt[i]);
      delays.push(r.at - producedAt[first + WINDOW - 1]);
    });
    latencies.sort((a, b) => a - b);
    delays.sort((a, b) => a - b);
    await producer.disconnect();
    await reports.stop();
    await fleet.stop();

    // Baseline: one bare hop of the same number of prediction-sized events, same broker, same run.
    const bare = await bareHop(kafka, prefix, rows);

    const heal = HEAL ? await healTimeline(broker.brokers) : undefined;

    const figures = {
      events: EVENTS,
      windowEvents: WINDOW,
      producedPerSecond: Math.round(produceRate),
      bareHopPerSecond: Math.round(bare),
      inferencePerSecond: Math.round(rate(inference)),
      ingestionPerSecond: Math.round(rate(ingestion)),
      driftPerSecond: Math.round(driftRate),
      endToEndPerSecond: Math.round(endToEnd),
      latency: { rate: LATENCY_RATE, p50Ms: Math.round(percentile(latencies, 0.5)), p99Ms: Math.round(percentile(latencies, 0.99)), pipelineDelayMedianMs: Math.round(percentile(delays, 0.5)), pipelineDelayMaxMs: Math.round(delays[delays.length - 1]) },
      heal,
    };
    const pct = (x: number) => `${((x / bare) * 100).toFixed(0)}% of bare hop`;
    process.stdout.write(`\nstage                      events/s\n`);
    process.stdout.write(`bare kafkajs hop           ${figures.bareHopPerSecond}\n`);
    process.stdout.write(`inference                  ${figures.inferencePerSecond}  (${pct(figures.inferencePerSecond)})\n`);
    process.stdout.write(`ingestion                  ${figures.ingestionPerSecond}  (${pct(figures.ingestionPerSecond)})\n`);
    process.stdout.write(`drift windows              ${figures.driftPerSecond}  (${pct(figures.driftPerSecond)})\n`);
    process.stdout.write(`end to end (request→report) ${figures.endToEndPerSecond}\n`);
    process.stdout.write(
      `latency at ${LATENCY_RATE}/s, windows of ${WINDOW}: production→closed window p50 ${figures.latency.p50Ms} ms, p99 ${figures.latency.p99Ms} ms; pipeline delay (last event→report) median ${figures.latency.pipelineDelayMedianMs} ms, max ${figures.latency.pipelineDelayMaxMs} ms\n`,
    );
    if (heal) {
      process.stdout.write(
        `healing (e2e-short, 300/s, windows of 2000): detect ${heal.detectSeconds?.toFixed(1)} s → request ${heal.requestSeconds?.toFixed(1)} s → retrain+register ${heal.retrainSeconds?.toFixed(1)} s → deploy ${heal.deploySeconds?.toFixed(1)} s = ${heal.totalSeconds?.toFixed(1)} s; healed: ${heal.healed}\n`,
      );
    }
    process.stdout.write(`RESULT ${JSON.stringify(figures)}\n`);
  } finally {
    await fleet.stop().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    await broker.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bench:pipeline failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
