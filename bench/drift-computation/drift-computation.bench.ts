/**
 * `npm run bench:drift-computation`: sustained events/s of the drift service (a real process:
 * decoding, profiling every event into its window, publishing partial profiles, merging and
 * evaluating windows) against a bare kafkajs eachBatch loop that only consumes the same topic,
 * in the same run on the same broker. 20-feature prediction events (12 numerical, 8
 * categorical) on 4 partitions; 10 s event-time windows of 100 000 events. Rate = events /
 * (time the group's committed offsets reached the end − time they first moved). Also: the
 * service's resident memory sampled along the stream (flat = memory independent of length) and
 * the window evaluation time from its own histogram. Not a test: it prints a table and a final
 * `RESULT {json}` line. The service runs twice on the same topic (fresh groups): with its defaults,
 * and with one source consumer (DRIFT_SOURCE_CONSUMERS=1: kafkajs then fetches and the service
 * profiles strictly in turn). BENCH_EVENTS (default 1 000 000) sets the stream length;
 * BENCH_SERVICE_NODE_ARGS adds node flags to the service (e.g. --cpu-prof).
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FeatureSchema, profileToJSONText, ReferenceProfile } from '@mlops/drift-stats';
import { FilesystemRegistry } from '@mlops/registry';
import { Admin, Kafka, logLevel, Partitioners } from 'kafkajs';
import { benchBroker } from '../support/bench-broker';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const PARTITIONS = 4;
const EVENT_RATE = 10_000; // events per second of event time: 100 000 per 10 s window
const root = path.resolve(__dirname, '..', '..');
const MODEL = 'bench-model';
const NUMERICAL = Array.from({ length: 12 }, (_, i) => `n${i}`);
const CATEGORICAL = Array.from({ length: 8 }, (_, i) => `c${i}`);
const START = Date.UTC(2026, 10, 1);

/** A cheap seeded generator (xorshift), so the stream is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function row(r: () => number): Record<string, number | string> {
  const features: Record<string, number | string> = {};
  NUMERICAL.forEach((name, i) => (features[name] = Math.round((r() * 100 + i * 10) * 100) / 100));
  CATEGORICAL.forEach((name, i) => (features[name] = `v${Math.floor(r() * (3 + i * 2))}`));
  return features;
}

function event(i: number, r: () => number): string {
  return JSON.stringify({
    schemaVersion: 1,
    eventId: `e${i}`,
    model: MODEL,
    modelVersion: '1',
    timestamp: new Date(START + Math.floor((i * 1000) / EVENT_RATE)).toISOString(),
    features: row(r),
    prediction: { label: r() < 0.4 ? 'approve' : 'reject', score: Math.round(r() * 1000) / 1000 },
    entityId: `c${i % 100_000}`,
  });
}

async function registerBaseline(registryRoot: string): Promise<void> {
  const r = random(7);
  const rows = Array.from({ length: 20_000 }, () => ({ ...row(r), __prediction__: r() < 0.4 ? 'approve' : 'reject', __score__: r(), __label__: r() < 0.4 ? 'approve' : 'reject' }));
  const schema: FeatureSchema[] = [
    ...NUMERICAL.map((name): FeatureSchema => ({ name, type: 'numerical' })),
    ...CATEGORICAL.map((name): FeatureSchema => ({ name, type: 'categorical' })),
    { name: '__prediction__', type: 'categorical', role: 'prediction' },
    { name: '__score__', type: 'numerical', role: 'prediction' },
    { name: '__label__', type: 'categorical', role: 'label' },
  ];
  const reference = ReferenceProfile.fromRows(rows, schema, { seed: 1 });
  const artifact = mkdtempSync(path.join(os.tmpdir(), 'bench-drift-artifact-'));
  writeFileSync(path.join(artifact, 'model.json'), '{}');
  await new FilesystemRegistry({ root: registryRoot }).createVersion({
    model: MODEL,
    sourceDir: artifact,
    metrics: { accuracy: 0.9 },
    baselineProfile: JSON.parse(profileToJSONText(reference)) as never,
    lineage: { requestId: 'bench', dataWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' } },
  });
  rmSync(artifact, { recursive: true, force: true });
}

async function fill(kafka: Kafka, topic: string): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const r = random(42);
  // 2000 events (≈ 1.3 MB) per request stays under the broker's default request size limits.
  for (let i = 0; i < EVENTS; i += 8000) {
    const sends = [];
    for (let k = i; k < Math.min(i + 8000, EVENTS); k += 2000) {
      const n = Math.min(2000, EVENTS - k);
      sends.push(producer.send({ topic, messages: Array.from({ length: n }, (_, j) => ({ key: `c${(k + j) % 100_000}`, value: event(k + j, r) })) }));
    }
    await Promise.all(sends);
    if ((i / 8000) % 25 === 0) process.stderr.write(`  filled ${Math.min(i + 8000, EVENTS)} / ${EVENTS}\r`);
  }
  process.stderr.write('\n');
  await producer.disconnect();
}

async function committed(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return (offsets?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
}

/** Polls the group's committed offsets until they cover every event; calls `sample` along the way. */
async function watchGroup(admin: Admin, groupId: string, topic: string, timeoutMs: number, sample?: (done: number) => Promise<void>) {
  const deadline = Date.now() + timeoutMs;
  let firstMs = 0;
  let nextSample = EVENTS / 4;
  for (;;) {
    const done = await committed(admin, groupId, topic);
    if (done > 0 && firstMs === 0) firstMs = Date.now();
    while (sample && done >= nextSample && nextSample <= EVENTS) {
      await sample(done);
      nextSample += EVENTS / 4;
    }
    if (done >= EVENTS) return { firstMs, lastMs: Date.now() };
    if (Date.now() > deadline) throw new Error(`${groupId} committed ${done} of ${EVENTS} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function bareLoop(kafka: Kafka, admin: Admin, topic: string): Promise<number> {
  const groupId = `${topic}.bare`;
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let bytes = 0;
  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      for (const m of batch.messages) bytes += m.value?.length ?? 0;
      resolveOffset(batch.messages[batch.messages.length - 1].offset);
      await heartbeat();
    },
  });
  const { firstMs, lastMs } = await watchGroup(admin, groupId, topic, 600_000);
  await consumer.disconnect();
  if (bytes === 0) throw new Error('bare loop read nothing');
  return EVENTS / ((lastMs - firstMs) / 1000);
}

function rssMb(pid: number): number {
  return Number(execSync(`ps -o rss= -p ${pid}`).toString().trim()) / 1024;
}

/**
 * Runs the drift service over the filled topic as its own consumer group. `sourceConsumers`
 * overrides DRIFT_SOURCE_CONSUMERS (members of the source group in the process; default 4).
 */
async function driftService(admin: Admin, brokers: string, prefix: string, registryRoot: string, groupId: string, sourceConsumers?: number) {
  const port = 39000 + Math.floor(Math.random() * 2000);
  // BENCH_SERVICE_NODE_ARGS: extra node flags for the service, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', path.join(root, 'services/drift-computation/src/main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      // A larger young generation: JSON decoding allocates a lot of short-lived objects.
      NODE_OPTIONS: process.env.BENCH_SERVICE_NODE_OPTIONS ?? '--max-semi-space-size=64',
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
      REGISTRY_ROOT: registryRoot,
      DRIFT_GROUP_ID: groupId,
      DRIFT_WINDOW_SIZE: '10s',
      DRIFT_ALLOWED_LATENESS: '1s',
      DRIFT_LABEL_WAIT_WINDOWS: '0',
      DRIFT_POLICY_MIN_SAMPLES: '1000',
      ...(sourceConsumers === undefined ? {} : { DRIFT_SOURCE_CONSUMERS: String(sourceConsumers) }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const memory: { events: number; rssMb: number }[] = [];
  try {
    const { firstMs, lastMs } = await watchGroup(admin, groupId, `${prefix}predictions`, 1_800_000, async (done) => {
      memory.push({ events: done, rssMb: rssMb(child.pid as number) });
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const read = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(metrics)?.[1] ?? NaN);
    const buckets = [...metrics.matchAll(/^mlops_drift_window_evaluation_seconds_bucket\{le="([^"]+)"\} (\d+)$/gm)].map((m) => ({ le: m[1] === '+Inf' ? Infinity : Number(m[1]), count: Number(m[2]) }));
    const count = read('mlops_drift_window_evaluation_seconds_count');
    const p99 = buckets.find((b) => b.count >= 0.99 * count)?.le ?? NaN;
    const windows = [...metrics.matchAll(/^mlops_drift_windows_total\{[^}]*\} (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    return { rate: EVENTS / ((lastMs - firstMs) / 1000), memory, evalMeanMs: (read('mlops_drift_window_evaluation_seconds_sum') / count) * 1000, evalP99Ms: p99 * 1000, windows };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function main(): Promise<void> {
  const broker = await benchBroker();
  const registryRoot = mkdtempSync(path.join(os.tmpdir(), 'bench-drift-registry-'));
  try {
    const kafka = new Kafka({ clientId: 'bench-drift', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const prefix = `bench.${Date.now().toString(36)}.`;
    const topics = ['predictions', 'predictions.labeled', 'dlq'].map((t) => ({ topic: `${prefix}${t}`, numPartitions: PARTITIONS }));
    await admin.createTopics({ topics: [...topics, { topic: `${prefix}models.deployed`, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }], waitForLeaders: true });
    await registerBaseline(registryRoot);
    const producer = kafka.producer();
    await producer.connect();
    const version = await new FilesystemRegistry({ root: registryRoot }).getVersion(MODEL, '1');
    await producer.send({ topic: `${prefix}models.deployed`, messages: [{ key: MODEL, value: JSON.stringify({ schemaVersion: 1, model: MODEL, version: '1', artifact: version.artifact, baselineProfile: version.baselineProfile, deployedAt: new Date().toISOString() }) }] });
    await producer.disconnect();
    process.stderr.write(`filling ${EVENTS} events…\n`);
    await fill(kafka, `${prefix}predictions`);
    process.stderr.write('measuring the bare kafkajs loop…\n');
    const bare = await bareLoop(kafka, admin, `${prefix}predictions`);
    process.stderr.write('measuring the drift service…\n');
    const service = await driftService(admin, broker.brokers, prefix, registryRoot, `${prefix}drift`);
    process.stderr.write('measuring the drift service with one source consumer (DRIFT_SOURCE_CONSUMERS=1)…\n');
    const single = await driftService(admin, broker.brokers, prefix, registryRoot, `${prefix}drift-single`, 1);
    await admin.disconnect();
    const ratio = service.rate / bare;
    const target = Math.min(100_000, 0.7 * bare);
    const rss = service.memory.map((m) => m.rssMb);
    console.log(`\ndrift-computation benchmark: ${EVENTS} prediction events × 20 features, ${PARTITIONS} partitions, broker: ${broker.source}`);
    console.log('| path | events/s | vs bare loop |');
    console.log('| --- | ---: | ---: |');
    console.log(`| bare kafkajs eachBatch consume (baseline) | ${bare.toFixed(0)} | 100% |`);
    console.log(`| drift service (decode, profile, partials, evaluate), defaults | ${service.rate.toFixed(0)} | ${(ratio * 100).toFixed(0)}% |`);
    console.log(`| the same with DRIFT_SOURCE_CONSUMERS=1 (fetch and profiling in turn) | ${single.rate.toFixed(0)} | ${((single.rate / bare) * 100).toFixed(0)}% |`);
    console.log(`target: ≥ min(100 000, 70% of bare) = ${target.toFixed(0)} events/s → ${service.rate >= target ? 'met' : 'NOT met'}`);
    console.log(`service RSS along the stream: ${service.memory.map((m) => `${(m.events / 1e6).toFixed(2)}M → ${m.rssMb.toFixed(0)} MB`).join(', ')}`);
    console.log(`window evaluation (merge partials + evaluate 20 features): mean ${service.evalMeanMs.toFixed(1)} ms, p99 ≤ ${service.evalP99Ms} ms over ${service.windows} windows (target ≤ 50 ms)`);
    console.log(
      `RESULT ${JSON.stringify({
        events: EVENTS,
        partitions: PARTITIONS,
        features: 20,
        bareEventsPerSecond: Math.round(bare),
        driftEventsPerSecond: Math.round(service.rate),
        singleConsumerEventsPerSecond: Math.round(single.rate),
        ratio: Number(ratio.toFixed(3)),
        targetMet: service.rate >= target,
        rssMb: rss.map((v) => Math.round(v)),
        evaluationMeanMs: Number(service.evalMeanMs.toFixed(2)),
        evaluationP99Ms: service.evalP99Ms,
        windows: service.windows,
      })}`,
    );
  } finally {
    rmSync(registryRoot, { recursive: true, force: true });
    await broker.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
