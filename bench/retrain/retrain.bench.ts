/**
 * `npm run bench:retrain`: time from a RetrainRequest to the ModelDeployed that answers it, for
 * 20k labeled Agrawal rows, through the retraining and deployment services as real processes on
 * a real broker with the filesystem registry. The champion learned Agrawal function 1; the
 * labeled rows follow function 2 (concept drift), so the challenger wins and is promoted. The
 * split per stage comes from retraining's own histogram (mlops_retrain_stage_seconds), the
 * deployment part from the timestamps of ModelRegistered and ModelDeployed. Not a test: it
 * prints a table and, last, `RESULT {json}`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { profileToJSONText } from '@mlops/drift-stats';
import { saveTabularModel, selectBackend, trainTabularModel } from '@mlops/model';
import { FilesystemRegistry, ModelAlias, type JsonValue } from '@mlops/registry';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { benchBroker } from '../support/bench-broker';
import { agrawalRows, AGRAWAL_CATEGORICAL, labeledMessages } from './agrawal-labeled';

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);
const EPOCHS = Number(process.env.BENCH_EPOCHS ?? 20);
const MODEL = 'agrawal-loan';
const HOUR = 3_600_000;
const root = path.resolve(__dirname, '..', '..');

async function registerChampion(registry: FilesystemRegistry, work: string): Promise<string> {
  await selectBackend('wasm');
  const model = await trainTabularModel(agrawalRows(5000, 1, 1), { task: 'binary', positiveLabel: 'A', features: AGRAWAL_CATEGORICAL, maxEpochs: EPOCHS, seed: 1 });
  const saved = await saveTabularModel(model, path.join(work, 'champion'));
  const version = await registry.createVersion({
    model: MODEL,
    sourceDir: saved.directory,
    metrics: model.metrics,
    baselineProfile: JSON.parse(profileToJSONText(model.baseline)) as JsonValue,
    lineage: { requestId: 'bench-initial', dataWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' } },
  });
  model.dispose();
  await registry.setAlias(MODEL, ModelAlias.Champion, version.version);
  return version.version;
}

function start(service: string, env: Record<string, string>, port: number): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, `services/${service}/src/main.ts`)], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HTTP_HOST: '127.0.0.1', HTTP_PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function lastTimestamp(admin: Admin, kafka: Kafka, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  const partition = offsets.find((o) => Number(o.high) > Number(o.low));
  if (!partition) throw new Error(`${topic} is empty`);
  const consumer = kafka.consumer({ groupId: `${topic}.bench.${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const timestamp = await new Promise<number>((resolve) => {
    void consumer.run({ eachMessage: async ({ message }) => resolve(Number(message.timestamp)) });
  });
  await consumer.disconnect();
  return timestamp;
}

/** `mlops_retrain_stage_seconds_sum{model,stage}` values from retraining's /metrics. */
function stageSeconds(metrics: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const match of metrics.matchAll(/^mlops_retrain_stage_seconds_sum\{model="[^"]+",stage="([a-z]+)"\} ([0-9.e+-]+)$/gm)) out[match[1]] = Number(match[2]);
  return out;
}

async function main(): Promise<void> {
  const broker = await benchBroker();
  const work = await mkdtemp(path.join(os.tmpdir(), 'bench-retrain-'));
  const children: ChildProcess[] = [];
  try {
    const kafka = new Kafka({ clientId: 'bench-retrain', brokers: broker.brokers.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const prefix = `bench.${Date.now().toString(36)}.`;
    const t = (name: string) => `${prefix}${name}`;
    const names = ['retrain.requests', 'predictions.labeled', 'models.registered', 'models.rejected', 'models.deployed', 'deploy.commands', 'dlq'];
    await admin.createTopics({ topics: names.map((topic) => ({ topic: t(topic), numPartitions: topic === 'predictions.labeled' ? 6 : 3 })), waitForLeaders: true });

    const registry = new FilesystemRegistry({ root: path.join(work, 'registry') });
    process.stderr.write('training the champion (Agrawal function 1)…\n');
    const championVersion = await registerChampion(registry, work);
    const now = Date.now();
    const window = { from: now - 2 * HOUR, to: now - HOUR };
    const producer = kafka.producer();
    await producer.connect();
    const messages = labeledMessages(MODEL, agrawalRows(ROWS, 2, 2), window.from, window.to);
    for (let i = 0; i < messages.length; i += 5000) await producer.send({ topic: t('predictions.labeled'), messages: messages.slice(i, i + 5000) });
    process.stderr.write(`produced ${ROWS} labeled rows (Agrawal function 2); starting retraining and deployment…\n`);

    const common = { KAFKA_BROKERS: broker.brokers, KAFKA_TOPIC_PREFIX: prefix, REGISTRY_ROOT: path.join(work, 'registry') };
    const [retrainingPort, deploymentPort] = [await freePort(), await freePort()];
    children.push(
      start('retraining', { ...common, RETRAINING_GROUP_ID: `${prefix}retraining`, RETRAINING_WORK_DIR: path.join(work, 'retraining'), RETRAINING_MIN_ROWS: '1000' }, retrainingPort),
      start('deployment', { ...common, DEPLOYMENT_GROUP_ID: `${prefix}deployment`, DEPLOYMENT_WORK_DIR: path.join(work, 'deployment') }, deploymentPort),
    );
    for (const port of [retrainingPort, deploymentPort]) {
      await until(`service on ${port} ready`, async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200, 120_000);
    }

    const sent = Date.now();
    const request = { schemaVersion: 1, requestId: 'bench-1', model: MODEL, reason: 'concept_drift', dataWindow: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() }, requestedAt: new Date(sent).toISOString() };
    await producer.send({ topic: t('retrain.requests'), messages: [{ key: MODEL, value: JSON.stringify(request) }] });
    const deployedSize = async () => (await admin.fetchTopicOffsets(t('models.deployed'))).reduce((n, p) => n + Number(p.high), 0);
    await until('ModelDeployed', async () => (await deployedSize()) >= 1, 600_000);
    const total = (Date.now() - sent) / 1000;
    const registeredAt = await lastTimestamp(admin, kafka, t('models.registered'));
    const deployedAt = await lastTimestamp(admin, kafka, t('models.deployed'));
    const stages = stageSeconds(await (await fetch(`http://127.0.0.1:${retrainingPort}/metrics`)).text());
    const version = (await registry.getAlias(MODEL, ModelAlias.Champion)).version;
    const record = await registry.getVersion(MODEL, version);
    await producer.disconnect();
    await admin.disconnect();

    const deployment = (deployedAt - registeredAt) / 1000;
    const rows: [string, number][] = [
      ['data pull (predictions.labeled, seek by time)', stages.pull ?? NaN],
      ['champion download + load', stages.champion ?? NaN],
      ['training (challenger)', stages.train ?? NaN],
      ['evaluation (challenger + champion, held-out slice)', stages.evaluate ?? NaN],
      ['registry (save + createVersion)', stages.register ?? NaN],
      ['publish ModelRegistered', stages.publish ?? NaN],
      ['deployment gates + alias + ModelDeployed', deployment],
    ];
    console.log(`\nretrain benchmark: ${ROWS} labeled Agrawal rows, ${EPOCHS} max epochs, filesystem registry, broker: ${broker.source}`);
    console.log('| stage | seconds |');
    console.log('| --- | ---: |');
    for (const [name, seconds] of rows) console.log(`| ${name} | ${seconds.toFixed(3)} |`);
    console.log(`| **RetrainRequest → ModelDeployed** | **${total.toFixed(3)}** |`);
    console.log(`champion ${championVersion} → ${version}; holdout accuracy ${record.metrics.accuracy?.toFixed(4)} vs champion ${record.tags['comparison.champion']}; epochs ${record.params.epochs}`);
    const figures = {
      rows: ROWS,
      maxEpochs: EPOCHS,
      epochs: Number(record.params.epochs),
      pullSeconds: stages.pull,
      championSeconds: stages.champion,
      trainSeconds: stages.train,
      evaluateSeconds: stages.evaluate,
      registerSeconds: stages.register,
      publishSeconds: stages.publish,
      deploymentSeconds: deployment,
      totalSeconds: total,
      challengerAccuracy: record.metrics.accuracy,
      championAccuracy: Number(record.tags['comparison.champion']),
      promoted: version !== championVersion,
    };
    console.log(`RESULT ${JSON.stringify(figures, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(4)) : v))}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await broker.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
