/**
 * Child process of record-encoding.int-spec.ts: creates a client the way every service does
 * (createKafkaClient, which installs the one-pass record encoder unless KAFKA_FAST_RECORD_ENCODING
 * is false), produces the records given as JSON on stdin (argv: brokers, topic, true|false for the fast encoder),
 * and prints `ENCODER {"installed":…}`. In a plain Node process, as in production (not Jest's registry).
 */
import { createLogger } from '@mlops/observability';
import { createIdempotentProducer, createKafkaClient } from '../../index';
import { recordEncoderInstalled } from '../../producer/record-encoding/install-record-encoder';

interface WireRecord {
  key: string | null;
  value: string | null;
  valueIsBuffer: boolean;
  headers: Record<string, string>;
}

async function main(): Promise<void> {
  const [brokers, topic, fast] = process.argv.slice(2);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const recordsJson = Buffer.concat(chunks).toString('utf8');
  const logger = createLogger({ name: 'produce-records', level: 'warn' });
  const kafka = createKafkaClient({ brokers: brokers.split(','), clientId: 'produce-records', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000, fastRecordEncoding: fast === 'true' }, logger);
  const records = JSON.parse(recordsJson) as WireRecord[];
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  await producer.send({
    topic,
    messages: records.map((r) => ({
      key: r.key,
      value: r.value === null ? null : r.valueIsBuffer ? Buffer.from(r.value, 'utf8') : r.value,
      headers: r.headers,
      partition: 0,
    })),
  });
  await producer.disconnect();
  process.stdout.write(`ENCODER ${JSON.stringify({ installed: recordEncoderInstalled() })}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
