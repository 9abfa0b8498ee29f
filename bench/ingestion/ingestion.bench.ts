/**
 * `npm run bench:ingestion`: events/s through the ingestion service (a real process, validating,
 * deduplicating, joining, producing) against the practical limit measured in the same run on the
 * same broker: a bare kafkajs eachBatch loop that consumes the same messages and produces each
 * one unchanged. Rate = events / (time of last output − time of first output), so start-up and
 * group joins are not counted. Each path's CPU time per event over the same span is reported too:
 * on a shared machine it varies far less than the rate. Not a test: it prints figures and a final
 * `RESULT {json}` line.
 *
 * BENCH_EVENTS (default 100 000); BENCH_REPEATS (default 1) measures that many bare/service pairs
 * on fresh topics and reports medians; INGESTION_CONCURRENCY and INGESTION_MAX_CHUNK are passed
 * to the service when set; BENCH_INGESTION_MAIN runs another entry point (e.g. an older copy of
 * the service, to compare builds); BENCH_SERVICE_NODE_ARGS adds node flags (e.g. --cpu-prof).
 */
import { execSync, spawn } from 'node:child_process';
import path from 'node:path';
import { noDelaySocketFactory } from '@mlops/kafka';
import { Kafka, logLevel } from 'kafkajs';
import { benchBroker, startBareLoop, topicSize } from '../support/bench-broker';
import { Growth, measureGrowth, ownCpuMicros, processCpuMicros } from './measure-growth';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const PARTITIONS = 4;
/** Measurements (each: fresh topics, bare loop, then service); the medians are reported. */
const REPEATS = Number(process.env.BENCH_REPEATS ?? 1);
const root = path.resolve(__dirname, '..', '..');

function event(i: number) {
  return JSON.stringify({
    schemaVersion: 1,
    eventId: `evt-${i}`,
    model: 'loan',
    timestamp: new Date(Date.now() - 60_000).toISOString(),
    entityId: `customer-${i % 5000}`,
    features: { salary: 20_000 + (i % 130_000), commission: i % 75_000, age: 20 + (i % 60), elevel: i % 5, car: `car-${i % 20}`, zipcode: `z${i % 9}`, hvalue: 50_000 + i, hyears: 1 + (i % 30), loan: i % 500_000 },
    prediction: { label: i % 3 === 0 ? 'approve' : 'reject', score: (i % 100) / 100 },
  });
}

async function fill(kafka: Kafka, topic: string): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < EVENTS; i += 5000) {
    await producer.send({ topic, messages: Array.from({ length: Math.min(5000, EVENTS - i) }, (_, j) => ({ key: `evt-${i + j}`, value: event(i + j) })) });
  }
  await producer.disconnect();
}

async function bareLoop(kafka: Kafka, source: string, sink: string): Promise<Growth> {
  const admin = kafka.admin();
  await admin.connect();
  const loop = await startBareLoop(kafka, source, sink, 500);
  const growth = await measureGrowth(admin, sink, EVENTS, 300_000, ownCpuMicros);
  await loop.stop();
  await admin.disconnect();
  return growth;
}

async function ingestionService(kafka: Kafka, brokers: string, prefix: string): Promise<Growth & { rssMb: number }> {
  const admin = kafka.admin();
  await admin.connect();
  // BENCH_SERVICE_NODE_ARGS: extra node flags for the service, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // BENCH_INGESTION_MAIN: another entry point (e.g. an older copy of the service) to compare builds.
  const entry = process.env.BENCH_INGESTION_MAIN ?? path.join(root, 'services/ingestion/src/main.ts');
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: String(PARTITIONS), HTTP_PORT: '0', LOG_LEVEL: 'warn', INGESTION_GROUP_ID: `${prefix}ingestion`, INGESTION_VALIDATE_FEATURES: 'false', ...tuning() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const pid = child.pid as number;
    const growth = await measureGrowth(admin, `${prefix}predictions`, EVENTS, 600_000, () => processCpuMicros(pid));
    const rss = Number(execSync(`ps -o rss= -p ${pid}`).toString().trim()) / 1024;
    return { ...growth, rssMb: rss };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await admin.disconnect();
  }
}

/** INGESTION_CONCURRENCY and INGESTION_MAX_CHUNK pass through when set; else the service's defaults apply. */
function tuning(): Record<string, string> {
  const names = ['INGESTION_CONCURRENCY', 'INGESTION_MAX_CHUNK', 'INGESTION_CONSUMERS', 'INGESTION_MAX_PENDING', 'KAFKA_FAST_RECORD_ENCODING'];
  return Object.fromEntries(names.flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : [])));
}

interface Pair {
  bare: Growth;
  service: Growth & { rssMb: number };
}

/** One measurement: fresh topics, filled, then the bare loop and the service on copies of the same input. */
async function measurePair(kafka: Kafka, brokers: string): Promise<Pair> {
  const admin = kafka.admin();
  await admin.connect();
  const prefix = `bench.${Date.now().toString(36)}.`;
  const topics = ['predictions.raw', 'labels.raw', 'predictions', 'predictions.labeled', 'dlq', 'bare.sink'].map((t) => `${prefix}${t}`);
  await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: PARTITIONS })), waitForLeaders: true });
  await fill(kafka, `${prefix}predictions.raw`);
  process.stderr.write(`filled ${await topicSize(admin, `${prefix}predictions.raw`)} events; measuring the bare loop…\n`);
  await admin.disconnect();
  const bare = await bareLoop(kafka, `${prefix}predictions.raw`, `${prefix}bare.sink`);
  process.stderr.write('measuring the ingestion service…\n');
  const service = await ingestionService(kafka, brokers, prefix);
  return { bare, service };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main(): Promise<void> {
  const broker = await benchBroker();
  try {
    const kafka = new Kafka({ clientId: 'bench-ingestion', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING, socketFactory: noDelaySocketFactory });
    const pairs: Pair[] = [];
    for (let i = 0; i < REPEATS; i++) pairs.push(await measurePair(kafka, broker.brokers));
    const ratios = pairs.map((p) => p.service.rate / p.bare.rate);
    const ratio = median(ratios);
    const bare = median(pairs.map((p) => p.bare.rate));
    const service = median(pairs.map((p) => p.service.rate));
    const bareCpu = median(pairs.map((p) => p.bare.cpuMicrosPerEvent));
    const serviceCpu = median(pairs.map((p) => p.service.cpuMicrosPerEvent));
    const rssMb = Math.max(...pairs.map((p) => p.service.rssMb));
    console.log(`\ningestion benchmark: ${EVENTS} prediction events, ${PARTITIONS} partitions, ${REPEATS} repeat(s) (medians), broker: ${broker.source}`);
    console.log('| path | events/s | vs bare loop | CPU µs/event |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(`| bare kafkajs consume→produce (baseline) | ${bare.toFixed(0)} | 100% | ${bareCpu.toFixed(1)} |`);
    console.log(`| ingestion service (validate, dedupe, join, produce) | ${service.toFixed(0)} | ${(ratio * 100).toFixed(0)}% | ${serviceCpu.toFixed(1)} |`);
    if (REPEATS > 1) console.log(`ratio of each repeat: ${ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')}`);
    console.log(`ingestion service RSS at the end: ${rssMb.toFixed(0)} MB (target: ≥ 70% of the bare loop)`);
    console.log(`service settings: ${JSON.stringify(tuning())} (unset ones take the service's defaults)`);
    console.log(
      `RESULT ${JSON.stringify({
        events: EVENTS,
        partitions: PARTITIONS,
        repeats: REPEATS,
        bareEventsPerSecond: Math.round(bare),
        ingestionEventsPerSecond: Math.round(service),
        ratio: Number(ratio.toFixed(3)),
        ratios: ratios.map((r) => Number(r.toFixed(3))),
        bareCpuMicrosPerEvent: Number(bareCpu.toFixed(2)),
        ingestionCpuMicrosPerEvent: Number(serviceCpu.toFixed(2)),
        ingestionRssMb: Math.round(rssMb),
        serviceSettings: tuning(),
      })}`,
    );
  } finally {
    await broker.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
