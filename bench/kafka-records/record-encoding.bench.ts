/**
 * `npm run bench:kafka-records`: CPU µs per record to encode a produce request's records with
 * kafkajs 2.2.4's own record encoder (the baseline) and with libs/kafka's one-pass `encodeRecord`,
 * in the same process, for the records the services write (a JSON value, with and without the
 * seven CloudEvents headers). Same input objects, 500 records per round as in a produce request;
 * both outputs are checked equal before timing. Not a test: prints a table and `RESULT {json}`.
 * BENCH_ROUNDS (default 400).
 */
import { encodeRecord, type RecordFields } from '../../libs/kafka/src/producer/record-encoding/encode-record';

const kafkajsRecord = require('kafkajs/src/protocol/recordBatch/record/v0') as (fields: RecordFields) => { buffer: Buffer };

const RECORDS = 500;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);

const value = (i: number) =>
  JSON.stringify({ schemaVersion: 1, eventId: `evt-${i}`, model: 'loan', timestamp: new Date(1_700_000_000_000 + i).toISOString(), entityId: `customer-${i % 5000}`, features: { salary: 20_000 + i, commission: i % 75_000, age: 20 + (i % 60), elevel: i % 5, car: `car-${i % 20}`, zipcode: `z${i % 9}`, hvalue: 50_000 + i, hyears: 1 + (i % 30), loan: i % 500_000 }, prediction: { label: 'approve', score: 0.5 } });
const headers = (i: number) => ({ ce_id: `evt-${i}`, ce_type: 'io.mlops.prediction.v1', ce_source: '/mlops/ingestion', ce_time: new Date(1_700_000_000_000 + i).toISOString(), ce_specversion: '1.0', 'content-type': 'application/json', ce_subject: 'loan' });

function cpuMicrosPerRecord(records: RecordFields[], encode: (r: RecordFields) => unknown): number {
  for (let w = 0; w < 20; w++) records.forEach(encode);
  const start = process.cpuUsage();
  for (let r = 0; r < ROUNDS; r++) records.forEach(encode);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / (ROUNDS * records.length);
}

const cases: Record<string, RecordFields[]> = {
  'JSON value + 7 CloudEvents headers (what the services write)': Array.from({ length: RECORDS }, (_, i) => ({ offsetDelta: i, timestampDelta: 0, key: 'loan', value: value(i), headers: headers(i) })),
  'JSON value, no headers': Array.from({ length: RECORDS }, (_, i) => ({ offsetDelta: i, timestampDelta: 0, key: `evt-${i}`, value: value(i) })),
};

const results: Record<string, { kafkajs: number; onePass: number; speedup: number }> = {};
for (const [name, records] of Object.entries(cases)) {
  for (const r of records) if (!encodeRecord(r)?.equals(kafkajsRecord(r).buffer)) throw new Error(`${name}: encodings differ`);
  const kafkajs = cpuMicrosPerRecord(records, kafkajsRecord);
  const onePass = cpuMicrosPerRecord(records, encodeRecord);
  results[name] = { kafkajs: Number(kafkajs.toFixed(2)), onePass: Number(onePass.toFixed(2)), speedup: Number((kafkajs / onePass).toFixed(1)) };
}
console.log(`record encoding, ${RECORDS} records × ${ROUNDS} rounds, CPU µs per record`);
console.log('| records | kafkajs 2.2.4 (baseline) | encodeRecord | speed-up |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${r.kafkajs} | ${r.onePass} | ${r.speedup}× |`);
console.log(`RESULT ${JSON.stringify(results)}`);
