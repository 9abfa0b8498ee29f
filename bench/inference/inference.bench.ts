/**
 * `npm run bench:inference`: the inference service (a real process serving a real tfjs model on
 * wasm) measured through Kafka, against a bare kafkajs consume→produce loop on the same broker
 * in the same run (the practical limit of the transport).
 *   1. throughput: N requests already on the topic, predictions/s from first to last output;
 *   2. latency at a steady 1k requests/s: request produced → prediction consumed, p50/p99.
 * The bare loop runs twice: driven like the service (same commit interval, partition concurrency
 * and idempotent producer), and with kafkajs' defaults (a commit after every batch, one partition
 * at a time), so each setting's effect shows on the transport and on the service in one run.
 * Not a test: prints a table and, last, `RESULT {json}`.
 *
 * Environment: KAFKA_BROKERS (else a local broker is started), BENCH_REQUESTS (100000),
 * BENCH_LATENCY_SECONDS (10), BENCH_COMMIT_INTERVAL_MS (the service's INFERENCE_COMMIT_INTERVAL_MS
 * and the bare loop's; 1000, 0 = after every batch), BENCH_CONCURRENCY (INFERENCE_CONCURRENCY and
 * the bare loop's partitionsConsumedConcurrently; 4).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { noDelaySocketFactory } from '@mlops/kafka';
import { FilesystemRegistry } from '@mlops/registry';
import { deployedEvent, loanExamples, registerTestModel } from '@mlops/testing';
import { Kafka, logLevel } from 'kafkajs';
import { BareLoopOptions, benchBroker, startBareLoop, watchGrowth } from '../support/bench-broker';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const RATE = 1000;
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10);
const PARTITIONS = 4;
const COMMIT_INTERVAL_MS = Number(process.env.BENCH_COMMIT_INTERVAL_MS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
/** The bare loop driven as the service drives kafkajs. */
const AS_THE_SERVICE: BareLoopOptions = { commitIntervalMs: COMMIT_INTERVAL_MS, partitionsConsumedConcurrently: CONCURRENCY, idempotent: true };
const root = path.resolve(__dirname, '..', '..');
const rows = loanExamples(1000, 5).map((e) => e.features);

const request = (id: string) => ({ key: id, value: JSON.stringify({ schemaVersion: 1, requestId: id, model: 'loan', features: rows[Number(id.split('-')[1]) % rows.length] }) });

async function fill(kafka: Kafka, topic: string, n: number, prefix: string) {
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < n; i += 5000) {
    await producer.send({ topic, messages: Array.from({ length: Math.min(5000, n - i) }, (_, j) => request(`${prefix}-${i + j}`)) });
  }
  await producer.disconnect();
}

type Latency = Awaited<ReturnType<typeof latencyAtSteadyRate>>;

async function bareLoop(kafka: Kafka, source: string, sink: string): Promise<{ rate: number; latency: Latency }> {
  const admin = kafka.admin();
  await admin.connect();
  const loop = await startBareLoop(kafka, source, sink, 1000, AS_THE_SERVICE);
  const { firstMs, lastMs } = await watchGrowth(admin, sink, REQUESTS, 300_000);
  // The same latency probe through the bare loop: the transport's share of the latency.
  const latency = await latencyAtSteadyRate(kafka, source, sink, (m) => String(m.key));
  await loop.stop();
  await admin.disconnect();
  return { rate: REQUESTS / ((lastMs - firstMs) / 1000), latency };
}

/** The latency probe through a bare loop on kafkajs' defaults: where the transport starts from. */
async function bareLoopOnDefaults(kafka: Kafka, source: string, sink: string): Promise<Latency> {
  const loop = await startBareLoop(kafka, source, sink, 1000);
  const latency = await latencyAtSteadyRate(kafka, source, sink, (m) => String(m.key));
  await loop.stop();
  return latency;
}

async function latencyAtSteadyRate(
  kafka: Kafka,
  requests: string,
  predictions: string,
  idOf: (m: { key: Buffer | null; value: Buffer | null }) => string = (m) => (JSON.parse(String(m.value)) as { eventId: string }).eventId,
): Promise<{ p50: number; p99: number; max: number; count: number }> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const consumer = kafka.consumer({ groupId: `${predictions}.latency.${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: predictions, fromBeginning: false });
  // The probe must add no latency of its own: no offset commits (a round trip after every batch
  // with kafkajs' autoCommit) and every partition read at once (not one partition's batch after
  // another's).
  await consumer.run({
    autoCommit: false,
    partitionsConsumedConcurrently: PARTITIONS,
    eachBatch: async ({ batch }) => {
      const now = Date.now();
      for (const m of batch.messages) {
        const id = idOf(m);
        const at = sentAt.get(id);
        if (at !== undefined) latencies.push(now - at);
      }
    },
  });
  await new Promise((r) => setTimeout(r, 3000)); // let the group settle before sending
  const producer = kafka.producer();
  await producer.connect();
  const total = RATE * LATENCY_SECONDS;
  const start = Date.now();
  // 1k requests/s as 10 sends of 10 requests every 10 ms.
  for (let i = 0; i < total; i += 10) {
    const due = start + (i / RATE) * 1000;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const batch = Array.from({ length: 10 }, (_, j) => request(`lat-${i + j}`));
    const now = Date.now();
    for (const m of batch) sentAt.set(m.key, now);
    await producer.send({ topic: requests, messages: batch });
  }
  const deadline = Date.now() + 30_000;
  while (latencies.length < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await producer.disconnect();
  await consumer.disconnect();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { p50: q(0.5), p99: q(0.99), max: latencies[latencies.length - 1], count: latencies.length };
}

async function main(): Promise<void> {
  const broker = await benchBroker();
  const registryRoot = await mkdtemp(path.join(os.tmpdir(), 'bench-inference-'));
  let child: ReturnType<typeof spawn> | undefined;
  try {
    const kafka = new Kafka({ clientId: 'bench-inference', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING, socketFactory: noDelaySocketFactory });
    const admin = kafka.admin();
    await admin.connect();
    const prefix = `bench.${Date.now().toString(36)}.`;
    const t = (name: string) => `${prefix}${name}`;
    await admin.createTopics({
      topics: ['inference.requests', 'predictions.raw', 'models.deployed', 'dlq', 'bare.source', 'bare.sink', 'defaults.source', 'defaults.sink'].map((topic) => ({ topic: t(topic), numPartitions: PARTITIONS })),
      waitForLeaders: true,
    });
    const registry = new FilesystemRegistry({ root: registryRoot });
    const version = await registerTestModel(registry, 'loan', { seed: 1 });
    await fill(kafka, t('bare.source'), REQUESTS, 'bare');
    process.stderr.write('measuring the bare loop…\n');
    const { rate: bare, latency: bareLatency } = await bareLoop(kafka, t('bare.source'), t('bare.sink'));
    process.stderr.write('measuring the bare loop on kafkajs defaults…\n');
    const defaultsLatency = await bareLoopOnDefaults(kafka, t('defaults.source'), t('defaults.sink'));

    child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'services/inference/src/main.ts')], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        KAFKA_BROKERS: broker.brokers,
        KAFKA_TOPIC_PREFIX: prefix,
        HTTP_PORT: '0',
        LOG_LEVEL: 'warn',
        REGISTRY_ROOT: registryRoot,
        INFERENCE_MODEL_DIR: path.join(registryRoot, 'cache'),
        INFERENCE_GROUP_ID: t('inference'),
        INFERENCE_COMMIT_INTERVAL_MS: String(COMMIT_INTERVAL_MS),
        INFERENCE_CONCURRENCY: String(CONCURRENCY),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: t('models.deployed'), messages: [{ key: 'loan', value: JSON.stringify(deployedEvent(version)) }] });
    // Warm: one request answered means the model is loaded and the group joined.
    await producer.send({ topic: t('inference.requests'), messages: [request('warm-0')] });
    await watchGrowth(admin, t('predictions.raw'), 1, 120_000);
    await producer.disconnect();

    process.stderr.write('measuring inference throughput…\n');
    await fill(kafka, t('inference.requests'), REQUESTS, 'thr');
    const { firstMs, lastMs } = await watchGrowth(admin, t('predictions.raw'), REQUESTS + 1, 600_000);
    const throughput = REQUESTS / ((lastMs - firstMs) / 1000);
    process.stderr.write('measuring latency at 1k requests/s…\n');
    const latency = await latencyAtSteadyRate(kafka, t('inference.requests'), t('predictions.raw'));
    await admin.disconnect();

    const commits = COMMIT_INTERVAL_MS > 0 ? `offsets committed every ${COMMIT_INTERVAL_MS} ms off the fetch path` : 'offsets committed after every batch';
    const row = (name: string, l: Latency) => `| ${name} | ${l.p50} | ${l.p99} | ${l.max} | ${l.count} |`;
    console.log(`\ninference benchmark: ${REQUESTS} requests, ${PARTITIONS} partitions, tfjs wasm, broker: ${broker.source}`);
    console.log(`kafkajs driven as the service: ${commits}, ${CONCURRENCY} partition(s) at once, idempotent producer`);
    console.log('| path | per second | vs bare loop |');
    console.log('| --- | ---: | ---: |');
    console.log(`| bare kafkajs consume→produce (baseline) | ${bare.toFixed(0)} | 100% |`);
    console.log(`| inference service (decode, validate, batch predict, produce) | ${throughput.toFixed(0)} | ${((throughput / bare) * 100).toFixed(0)}% |`);
    console.log(`\nlatency at ${RATE}/s for ${LATENCY_SECONDS} s, request produced → output consumed (ms):`);
    console.log('| path | p50 | p99 | max | samples |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    console.log(row('bare loop, kafkajs defaults (commit after every batch, 1 partition at a time)', defaultsLatency));
    console.log(row('bare loop, driven as the service', bareLatency));
    console.log(row('inference service', latency));
    console.log('targets: ≥ 20k predictions/s per process; p99 ≤ 50 ms at 1k requests/s');
    console.log(
      `RESULT ${JSON.stringify({
        requests: REQUESTS,
        bareMessagesPerSecond: Math.round(bare),
        predictionsPerSecond: Math.round(throughput),
        ratio: Number((throughput / bare).toFixed(3)),
        latencyRate: RATE,
        p50Ms: latency.p50,
        p99Ms: latency.p99,
        maxMs: latency.max,
        latencySamples: latency.count,
        bareP50Ms: bareLatency.p50,
        bareP99Ms: bareLatency.p99,
        kafkajsDefaultsP50Ms: defaultsLatency.p50,
        kafkajsDefaultsP99Ms: defaultsLatency.p99,
        commitIntervalMs: COMMIT_INTERVAL_MS,
        concurrency: CONCURRENCY,
      })}`,
    );
  } finally {
    const service = child;
    if (service) {
      service.kill('SIGTERM');
      await new Promise((r) => service.once('exit', r));
    }
    await rm(registryRoot, { recursive: true, force: true });
    await broker.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
