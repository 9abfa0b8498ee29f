import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { testBrokers, uniqueName } from '@mlops/testing';
import { Kafka, logLevel } from 'kafkajs';

const ROOT = resolve(__dirname, '../../../..');

/** Records a service might write: CloudEvents headers, JSON and binary values, UTF-8 beyond ASCII, null key and value. */
const records = Array.from({ length: 300 }, (_, i) => ({
  key: i % 7 === 0 ? null : `model-${i % 5}-é€${i}`,
  value: i % 11 === 0 ? null : JSON.stringify({ i, text: '𝄞'.repeat(i % 4), pad: 'x'.repeat((i * 37) % 3000) }),
  valueIsBuffer: i % 3 === 0,
  headers:
    i % 13 === 0
      ? {}
      : { ce_id: `id-${i}`, ce_type: 'io.mlops.prediction.v1', ce_source: '/mlops/test', ce_time: new Date(1_700_000_000_000 + i).toISOString(), ce_specversion: '1.0', 'content-type': 'application/json', ce_subject: `naïve-${i}` },
}));

/** Produces `records` from a child process (real Node module loading) and reads them back with a plain kafkajs consumer. */
async function roundTrip(fast: boolean): Promise<{ installed: { records: boolean; checksum: boolean }; read: typeof records }> {
  const topic = uniqueName(`record-encoding-${fast}`);
  const kafka = new Kafka({ clientId: 'record-encoding-check', brokers: testBrokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const child = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'support/produce-records.ts'), testBrokers().join(','), topic, String(fast)], {
    input: JSON.stringify(records),
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('ENCODER '));
  if (child.status !== 0 || line === undefined) throw new Error(`producer child failed (${child.status}):\n${child.stderr}`);
  const consumer = kafka.consumer({ groupId: uniqueName('record-encoding-reader') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const read: typeof records = [];
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`read ${read.length} of ${records.length}`)), 30_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        read.push({ key: message.key === null ? null : message.key.toString('utf8'), value: message.value === null ? null : message.value.toString('utf8'), valueIsBuffer: records[read.length]?.valueIsBuffer ?? false, headers });
        if (read.length === records.length) {
          clearTimeout(timer);
          done();
        }
      },
    });
  });
  await consumer.disconnect();
  return { installed: (JSON.parse(line.slice('ENCODER '.length)) as { installed: { records: boolean; checksum: boolean } }).installed, read };
}

describe('the one-pass record encoder on a real broker', () => {
  it('is installed by createKafkaClient in a Node process (records and the native CRC-32C), and the broker accepts and returns every record unchanged (keys, values, headers)', async () => {
    const { installed, read } = await roundTrip(true);
    expect(installed).toEqual({ records: true, checksum: true });
    expect(read).toEqual(records);
  }, 120_000);

  it('is left out with fastRecordEncoding false (kafkajs encodes), with the same records read back', async () => {
    const { installed, read } = await roundTrip(false);
    expect(installed).toEqual({ records: false, checksum: false });
    expect(read).toEqual(records);
  }, 120_000);
});
