import { encodeRecord, type RecordFields } from './encode-record';

// kafkajs' own record encoder: encodeRecord must produce exactly its bytes.
const kafkajsRecord = require('kafkajs/src/protocol/recordBatch/record/v0') as (fields: RecordFields) => { buffer: Buffer };

/** A small seeded generator, so a failure names a reproducible case. */
function generator(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];
  const text = (max: number) => Array.from({ length: int(max) }, () => pick(['a', 'z', '0', ' ', 'é', '€', '𝄞', '\n', '"', 'ß'])).join('');
  return { next, int, pick, text };
}

function randomRecord(seed: number): RecordFields {
  const g = generator(seed);
  const bytes = (max: number) => (g.next() < 0.5 ? g.text(max) : Buffer.from(g.text(max)));
  const headers: Record<string, string | Buffer> = {};
  for (let i = g.int(9); i > 0; i--) headers[`${g.pick(['ce_', 'x-', ''])}${g.text(12)}`] = bytes(g.pick([4, 40, 400]));
  return {
    offsetDelta: g.pick([0, 1, 63, 64, 127, 128, 8191, 8192, 1_000_000, g.int(2 ** 31)]),
    timestampDelta: g.pick([0, 1, -1, 63, -64, 64, 1_000, -1_000, 2 ** 31, -(2 ** 31) - 1, 2 ** 40, -(2 ** 45), g.int(2 ** 50)]),
    key: g.pick([null, undefined, bytes(40)]),
    value: g.pick([null, bytes(10), bytes(300), bytes(5000)]),
    headers: g.next() < 0.1 ? undefined : headers,
  };
}

describe('encodeRecord (one-pass Kafka record encoding)', () => {
  it('gives kafkajs 2.2.4 record bytes exactly, for 5 000 random records (keys, values, headers as strings, Buffers, null; multi-byte UTF-8; large deltas)', () => {
    for (let seed = 1; seed <= 5000; seed++) {
      const record = randomRecord(seed);
      const ours = encodeRecord(record);
      expect({ seed, bytes: ours?.toString('hex') }).toEqual({ seed, bytes: kafkajsRecord(record).buffer.toString('hex') });
    }
  });

  it('gives the same bytes for the records the services write: a JSON value and the seven CloudEvents headers', () => {
    const record: RecordFields = {
      offsetDelta: 17,
      timestampDelta: 3,
      key: 'loan',
      value: JSON.stringify({ schemaVersion: 1, eventId: 'evt-1', model: 'loan', features: { age: 41, car: 'sedan' } }),
      headers: {
        ce_id: '0f8fad5b-d9cb-469f-a165-70867728950e',
        ce_type: 'io.mlops.prediction.v1',
        ce_source: '/mlops/ingestion',
        ce_time: '2026-11-28T00:00:00.000Z',
        ce_specversion: '1.0',
        'content-type': 'application/json',
        ce_subject: 'loan',
      },
    };
    expect(encodeRecord(record)?.equals(kafkajsRecord(record).buffer)).toBe(true);
  });

  it('declines what kafkajs treats specially, so kafkajs handles (or rejects) it: header arrays, non-string header values, other key or value types, non-integer deltas', () => {
    expect(encodeRecord({ value: 'v', headers: { h: ['a', 'b'] } })).toBeNull();
    expect(encodeRecord({ value: 'v', headers: { h: null } })).toBeNull();
    expect(encodeRecord({ value: 'v', headers: { h: 42 } })).toBeNull();
    expect(encodeRecord({ key: 42, value: 'v' })).toBeNull();
    expect(encodeRecord({ value: { not: 'bytes' } })).toBeNull();
    expect(encodeRecord({ value: 'v', timestampDelta: 1.5 })).toBeNull();
    expect(encodeRecord({ value: 'v', timestampDelta: Number.NaN })).toBeNull();
    expect(encodeRecord({ value: 'v', offsetDelta: '3' })).toBeNull();
    expect(encodeRecord({ value: 'v', headers: 'h' })).toBeNull();
  });
});
