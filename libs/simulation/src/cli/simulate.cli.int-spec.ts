import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  InferenceRequestSchema,
  LabelEventSchema,
  PredictionEventSchema,
  decodeEvent,
  parseCloudEventHeaders,
  type KafkaHeaders,
} from '@mlops/contracts';
import { createKafkaClient } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import { testBrokers, uniqueName } from '@mlops/testing';
import type { Kafka } from 'kafkajs';
import { readTopics, type ReadMessage } from '../__tests__/read-topics';
import { systemPlaybackClock } from '../kafka/playback-clock';
import { ExitCode, runSimulate } from './run-simulate';

const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..', '..');
const ENTRY = resolve(__dirname, 'simulate.cli.ts');
const SUMMARY = /^sent (\d+) (?:predictions|inference requests) to (\S+) and (\d+) labels to (\S+) in /;

/** Runs the CLI as a user would: its own process, from the TypeScript entry. */
async function runCliProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', ENTRY, ...args], {
    cwd: WORKSPACE_ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

function expectValid(messages: ReadMessage[], schema: typeof PredictionEventSchema | typeof LabelEventSchema | typeof InferenceRequestSchema) {
  for (const message of messages) {
    const decoded = decodeEvent(schema, message.value);
    expect(decoded.ok).toBe(true);
    expect(() => parseCloudEventHeaders(message.headers as KafkaHeaders)).not.toThrow();
  }
}

describe('simulate CLI against a real broker', () => {
  let kafka: Kafka;

  beforeAll(() => {
    const logger = createLogger({ name: 'simulation-int-spec', level: 'warn' });
    kafka = createKafkaClient({ brokers: testBrokers(), clientId: 'simulation-int-spec', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 }, logger);
  });

  it('plays the demo to predictions.raw and labels.raw, and the broker holds exactly what it says it sent', async () => {
    const prefix = `${uniqueName('sim')}.`;
    const { code, stdout, stderr } = await runCliProcess([
      '--scenario', 'demo',
      '--rate', '2000',
      '--limit', '600',
      '--brokers', testBrokers().join(','),
      '--topic-prefix', prefix,
      '--run-id', 'int-raw',
      '--batch-size', '100',
    ]);
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    const [, predictionsSent, predictionsTopic, labelsSent, labelsTopic] = SUMMARY.exec(stdout) ?? [];
    expect([predictionsTopic, labelsTopic]).toEqual([`${prefix}predictions.raw`, `${prefix}labels.raw`]);
    expect(Number(predictionsSent)).toBe(600);
    // 10% of demo labels never come: the exact count is the seed's, and it is what was sent.
    expect(Number(labelsSent)).toBeGreaterThan(480);
    expect(Number(labelsSent)).toBeLessThan(600);

    const read = await readTopics(kafka, [predictionsTopic, labelsTopic], uniqueName('sim-reader'), 600 + Number(labelsSent));
    const predictions = read.filter((m) => m.topic === predictionsTopic);
    const labels = read.filter((m) => m.topic === labelsTopic);
    expect([predictions.length, labels.length]).toEqual([600, Number(labelsSent)]);
    expectValid(predictions, PredictionEventSchema);
    expectValid(labels, LabelEventSchema);
    expect(new Set(predictions.map((m) => m.key)).size).toBe(600);
    expect(predictions.every((m) => /^int-raw-e\d+$/.test(m.key))).toBe(true);

    const admin = kafka.admin();
    await admin.connect();
    const partitions = (await admin.fetchTopicMetadata({ topics: [predictionsTopic] })).topics[0].partitions.length;
    await admin.disconnect();
    expect(partitions).toBe(6);
  });

  it('plays to inference.requests and labels.raw in-process, as fast as the broker takes it', async () => {
    const prefix = `${uniqueName('sim')}.`;
    let stdout = '';
    const code = await runSimulate(
      ['--scenario', 'sea-concepts', '--target', 'inference', '--rate', '1000', '--fast', '--start', new Date(Date.now() - 60_000).toISOString(),
        '--limit', '400', '--brokers', testBrokers().join(','), '--topic-prefix', prefix, '--no-progress'],
      {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: new PassThrough(),
        env: {},
        clock: systemPlaybackClock,
        newRunId: () => 'int-inference',
      },
    );
    expect(code).toBe(ExitCode.Ok);
    const [, sent, requestsTopic, labelsSent, labelsTopic] = SUMMARY.exec(stdout) ?? [];
    expect([Number(sent), requestsTopic]).toEqual([400, `${prefix}inference.requests`]);
    // sea-concepts sends every label, 100 events after its prediction.
    expect(Number(labelsSent)).toBe(400);

    const read = await readTopics(kafka, [requestsTopic, labelsTopic], uniqueName('sim-reader'), 800);
    const requests = read.filter((m) => m.topic === requestsTopic);
    expect([requests.length, read.length - requests.length]).toEqual([400, 400]);
    expectValid(requests, InferenceRequestSchema);
    expect(requests.every((m) => /^int-inference-\d+$/.test(m.key))).toBe(true);
  });
});
