/**
 * `npm run bench:ingestion`: events/s through the ingestion service (a real process, validating,
 * deduplicating, joining, producing) against the practical limit measured in the same run on the
 * same broker: a bare kafkajs eachBatch loop that consumes the same messages and produces each
 * one unchanged. Rate = events / (time of last output − time of first output), so start-up and
 * group joins are not counted. Not a test: it prints figures and a final `RESULT {json}` line.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { noDelaySocketFactory } from '@mlops/kafka';
import { Kafka, logLevel } from 'kafkajs';
import { benchBroker, startBareLoop, topicSize, watchGrowth } from '../support/bench-broker';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const PARTITIONS = 4;
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

async function bareLoop(kafka: Kafka, source: string, sink: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  const loop = await startBareLoop(kafka, source, sink, 500);
  const { firstMs, lastMs } = await watchGrowth(admin, sink, EVENTS, 300_000);
  await loop.stop();
  await admin.disconnect();
  return EVENTS / ((lastMs - firstMs) / 1000);
}

async function ingestionService(kafka: Kafka, brokers: string, prefix: string): Promise<{ rate: number; rssMb: number }> {
  const admin = kafka.admin();
  await admin.connect();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'services/ingestion/src/main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: String(PARTITIONS), HTTP_PORT: '0', LOG_LEVEL: 'warn', INGESTION_GROUP_ID: `${prefix}ingestion`, INGESTION_CONCURRENCY: process.env.INGESTION_CONCURRENCY ?? '1', INGESTION_VALIDATE_FEATURES: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const { firstMs, lastMs } = await watchGrowth(admin, `${prefix}predictions`, EVENTS, 600_000);
    const rss = Number((await import('node:child_process')).execSync(`ps -o rss= -p ${child.pid}`).toString().trim()) / 1024;
    return { rate: EVENTS / ((lastMs - firstMs) / 1000), rssMb: rss };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  const broker = await benchBroker();
  try {
    const kafka = new Kafka({ clientId: 'bench-ingestion', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING, socketFactory: noDelaySocketFactory });
    const admin = kafka.admin();
    await admin.connect();
    const prefix = `bench.${Date.now().toString(36)}.`;
    const topics = ['predictions.raw', 'labels.raw', 'predictions', 'predictions.labeled', 'dlq', 'bare.sink'].map((t) => `${prefix}${t}`);
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: PARTITIONS })), waitForLeaders: true });
    await fill(kafka, `${prefix}predictions.raw`);
    process.stderr.write(`filled ${await topicSize(admin, `${prefix}predictions.raw`)} events; measuring the bare loop…\n`);
    const bare = await bareLoop(kafka, `${prefix}predictions.raw`, `${prefix}bare.sink`);
    process.stderr.write('measuring the ingestion service…\n');
    const service = await ingestionService(kafka, broker.brokers, prefix);
    await admin.disconnect();
    const ratio = service.rate / bare;
    console.log(`\ningestion benchmark: ${EVENTS} prediction events, ${PARTITIONS} partitions, broker: ${broker.source}`);
    console.log('| path | events/s | vs bare loop |');
    console.log('| --- | ---: | ---: |');
    console.log(`| bare kafkajs consume→produce (baseline) | ${bare.toFixed(0)} | 100% |`);
    console.log(`| ingestion service (validate, dedupe, join, produce) | ${service.rate.toFixed(0)} | ${(ratio * 100).toFixed(0)}% |`);
    console.log(`ingestion service RSS at the end: ${service.rssMb.toFixed(0)} MB (target: ≥ 70% of the bare loop)`);
    console.log(`RESULT ${JSON.stringify({ events: EVENTS, partitions: PARTITIONS, bareEventsPerSecond: Math.round(bare), ingestionEventsPerSecond: Math.round(service.rate), ratio: Number(ratio.toFixed(3)), ingestionRssMb: Math.round(service.rssMb) })}`);
  } finally {
    await broker.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
