import { Topic, topicName } from '@mlops/contracts';
import {
  InvalidKafkaConfigError,
  createIdempotentProducer,
  createKafkaClient,
  kafkaConfigFromEnv,
  kafkaEnvSchema,
  type KafkaConfig,
} from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import { CommanderError } from 'commander';
import pino from 'pino';
import { writeScenarioCsv } from '../csv/write-scenario-csv';
import { SimulationError } from '../errors/simulation.error';
import { createGenerator } from '../generators/generator-catalog';
import { ensureSimulationTopics } from '../kafka/ensure-simulation-topics';
import { playToKafka, type PlaybackResult } from '../kafka/play-to-kafka';
import type { PlaybackClock } from '../kafka/playback-clock';
import { targetTopics } from '../output/to-kafka-message';
import { loadScenario } from '../scenario/load-scenario';
import type { Scenario } from '../scenario/scenario.schema';
import { predictionCount, simulate, DEFAULT_SEED } from '../stream/simulate';
import { createProgressBar } from './progress-bar';
import type { CsvModeOptions, KafkaModeOptions } from './simulate-options';
import { parseSimulateArgs } from './simulate-options';
import { UsageError } from './usage.error';

export const ExitCode = { Ok: 0, Failure: 1, Usage: 2, Interrupted: 130 } as const;

export interface SimulateIo {
  stdout: { write(text: string): unknown };
  /** Progress bar and diagnostics. */
  stderr: NodeJS.WritableStream;
  /** KAFKA_* variables: brokers and prefix when the flags are absent, TLS and SASL settings. */
  env: Readonly<Record<string, string | undefined>>;
  clock: PlaybackClock;
  /** Aborted on SIGINT/SIGTERM: the batch in hand is sent, then the count is printed. */
  signal?: AbortSignal;
  newRunId(): string;
}

/** The whole `simulate` command; returns the exit code instead of exiting, so specs can call it. */
export async function runSimulate(args: readonly string[], io: SimulateIo): Promise<number> {
  const say = (line: string) => io.stderr.write(`simulate: ${line}\n`);
  try {
    const options = parseSimulateArgs(args, io.env, { writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) });
    const scenario = loadScenario(options.scenario);
    return options.mode === 'csv' ? await writeCsv(scenario, options, io, say) : await produce(scenario, options, io, say);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode; // --help, --version
    if (error instanceof UsageError) {
      for (const problem of error.problems) say(problem);
      say('see --help');
      return ExitCode.Usage;
    }
    if (error instanceof SimulationError || error instanceof InvalidKafkaConfigError) {
      say(error.message);
      return ExitCode.Usage;
    }
    say(`failed: ${(error as Error).message}`);
    return ExitCode.Failure;
  }
}

function describe(scenario: Scenario, seed: number, total: number): string {
  const phases = scenario.phases.map((p) => p.name).join(' → ');
  return `scenario "${scenario.name}" (${scenario.generator.type}; ${phases}), seed ${seed}, ${total} predictions`;
}

async function writeCsv(scenario: Scenario, options: CsvModeOptions, io: SimulateIo, say: (line: string) => void): Promise<number> {
  const seed = options.seed ?? scenario.seed ?? DEFAULT_SEED;
  const total = predictionCount(scenario, options.limit);
  say(`${describe(scenario, seed, total)} → ${options.csv}`);
  const features = createGenerator(scenario.generator).features;
  const records = simulate(scenario, { ...options, seed, start: options.start ?? io.clock.now(), runId: options.runId ?? io.newRunId() });
  const bar = createProgressBar(total, io.stderr, options.progress && !options.phases);
  const result = await writeScenarioCsv(records, features, options.csv, {
    meta: options.csvMeta,
    phases: options.phases,
    onRow: (rows) => bar.update(rows, 0),
  });
  bar.stop();
  io.stdout.write(`wrote ${result.rows} rows to ${options.csv} (columns: ${result.columns.join(', ')})\n`);
  return ExitCode.Ok;
}

function kafkaConfig(options: KafkaModeOptions, env: SimulateIo['env']): KafkaConfig {
  const parsed = kafkaEnvSchema.safeParse({ ...env, KAFKA_BROKERS: options.brokers, KAFKA_TOPIC_PREFIX: options.topicPrefix });
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`));
  }
  return kafkaConfigFromEnv(parsed.data, 'mlops-simulate');
}

async function produce(scenario: Scenario, options: KafkaModeOptions, io: SimulateIo, say: (line: string) => void): Promise<number> {
  const config = kafkaConfig(options, io.env);
  const seed = options.seed ?? scenario.seed ?? DEFAULT_SEED;
  const runId = options.runId ?? io.newRunId();
  const total = predictionCount(scenario, options.limit);
  const topics = targetTopics(options.target).map((t) => topicName(t, options.topicPrefix));
  say(`${describe(scenario, seed, total)}, run ${runId} → ${topics.join(' + ')} at ${options.rate}/s on ${config.brokers.join(',')}`);

  // kafkajs' own warnings go to stderr as JSON lines; stdout carries only the final count.
  const logger = createLogger({ name: 'simulate', level: 'warn', destination: pino.destination(2) });
  const kafka = createKafkaClient(config, logger);
  if (options.createTopics) {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { created } = await ensureSimulationTopics(admin, options.target, options.topicPrefix, logger);
      if (created.length > 0) say(`created topics ${created.join(', ')}`);
    } finally {
      await admin.disconnect();
    }
  }

  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const start = options.start ?? io.clock.now();
  const bar = createProgressBar(total, io.stderr, options.progress);
  let result: PlaybackResult;
  try {
    result = await playToKafka(simulate(scenario, { ...options, seed, runId, start }), {
      producer,
      target: options.target,
      topicPrefix: options.topicPrefix,
      batchSize: options.batchSize,
      pace: options.fast ? undefined : { streamStartMs: start, clock: io.clock },
      signal: io.signal,
      onProgress: (p) => bar.update(p.predictions, p.labels),
    });
  } finally {
    bar.stop();
    await producer.disconnect();
  }
  io.stdout.write(`${summarize(result, options, runId)}\n`);
  return result.aborted ? ExitCode.Interrupted : ExitCode.Ok;
}

function summarize(result: PlaybackResult, options: KafkaModeOptions, runId: string): string {
  const predictionsTopic = topicName(options.target === 'raw' ? Topic.PredictionsRaw : Topic.InferenceRequests, options.topicPrefix);
  const labelsTopic = topicName(Topic.LabelsRaw, options.topicPrefix);
  const seconds = result.durationMs / 1000;
  const messages = result.predictions + result.labels;
  return [
    result.aborted ? 'interrupted after sending' : 'sent',
    `${result.predictions} ${options.target === 'raw' ? 'predictions' : 'inference requests'} to ${predictionsTopic}`,
    `and ${result.labels} labels to ${labelsTopic}`,
    `in ${seconds.toFixed(1)} s (${Math.round(messages / Math.max(seconds, 0.001))} messages/s, ${result.sends} produce requests, run ${runId})`,
  ].join(' ');
}
