import { TopicPrefixSchema } from '@mlops/contracts';
import { CommanderError } from 'commander';
import { z } from 'zod';
import { MAX_SEED } from '../random/seeded-random';
import { ModelNameInScenarioSchema } from '../scenario/scenario.schema';
import { RUN_ID_PATTERN } from '../stream/simulate';
import { buildSimulateCommand, type CommandOutput } from './simulate-command';
import { UsageError } from './usage.error';

const BROKER_LIST = /^[A-Za-z0-9.-]+:\d{1,5}(,[A-Za-z0-9.-]+:\d{1,5})*$/;
/** Playback rate used by --csv when none is given: it only spaces the timestamps. */
export const DEFAULT_CSV_RATE = 100;

const integerFlag = (min: number, max: number, expected: string) =>
  z
    .string()
    .regex(/^\d+$/, expected)
    .transform(Number)
    .pipe(z.number().int().min(min, expected).max(max, expected));

const FlagsSchema = z.object({
  scenario: z.string().min(1, 'expected a scenario name or file'),
  rate: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'expected a positive number of events per second')
    .transform(Number)
    .pipe(z.number().positive('expected a positive number of events per second').max(1_000_000, 'at most 1000000 events per second'))
    .optional(),
  brokers: z.string().regex(BROKER_LIST, 'expected a comma-separated host:port list, e.g. 127.0.0.1:9092').optional(),
  topicPrefix: TopicPrefixSchema,
  target: z.enum(['raw', 'inference']),
  limit: integerFlag(1, Number.MAX_SAFE_INTEGER, 'expected a positive integer').optional(),
  seed: integerFlag(0, MAX_SEED, 'expected a non-negative integer').optional(),
  runId: z.string().regex(RUN_ID_PATTERN, 'expected 1–64 of [A-Za-z0-9._-]').optional(),
  model: ModelNameInScenarioSchema.optional(),
  start: z.iso.datetime({ offset: true, error: 'expected an ISO-8601 time with offset, e.g. 2026-01-01T00:00:00Z' }).optional(),
  fast: z.boolean().default(false),
  batchSize: integerFlag(1, 10_000, 'expected an integer from 1 to 10000'),
  createTopics: z.boolean(),
  csv: z.string().min(1).optional(),
  csvMeta: z.boolean().default(false),
  phase: z.array(z.string().min(1)).optional(),
  progress: z.boolean(),
});

interface CommonOptions {
  scenario: string;
  rate: number;
  limit?: number;
  seed?: number;
  runId?: string;
  model?: string;
  /** Epoch ms of the first event, when given. */
  start?: number;
  progress: boolean;
}

export interface CsvModeOptions extends CommonOptions {
  mode: 'csv';
  csv: string;
  csvMeta: boolean;
  phases?: string[];
}

export interface KafkaModeOptions extends CommonOptions {
  mode: 'kafka';
  brokers: string;
  topicPrefix: string;
  target: 'raw' | 'inference';
  fast: boolean;
  batchSize: number;
  createTopics: boolean;
}

export type SimulateOptions = CsvModeOptions | KafkaModeOptions;

/** `topicPrefix` → `--topic-prefix`, for messages that name the flag the user typed. */
const flagName = (key: PropertyKey) => `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Parses and checks the command line. Throws UsageError listing every bad flag, or a
 * CommanderError with exit code 0 after `--help`. `env` supplies KAFKA_BROKERS and
 * KAFKA_TOPIC_PREFIX when the flags are absent; nothing else is read from it.
 */
export function parseSimulateArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>>, output: CommandOutput): SimulateOptions {
  const command = buildSimulateCommand(output);
  try {
    command.parse([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode !== 0) throw new UsageError([error.message.replace(/^error: /, '')]);
    throw error;
  }
  const raw = command.opts<Record<string, unknown>>();
  const parsed = FlagsSchema.safeParse({
    ...raw,
    brokers: raw.brokers ?? (env.KAFKA_BROKERS?.trim() || undefined),
    topicPrefix: raw.topicPrefix ?? env.KAFKA_TOPIC_PREFIX ?? '',
  });
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((issue) => `${flagName(issue.path[0] ?? 'arguments')}: ${issue.message}`));
  }
  const flags = parsed.data;
  const common = {
    scenario: flags.scenario,
    limit: flags.limit,
    seed: flags.seed,
    runId: flags.runId,
    model: flags.model,
    start: flags.start === undefined ? undefined : Date.parse(flags.start),
    progress: flags.progress,
  };
  if (flags.csv !== undefined) {
    return { ...common, mode: 'csv', rate: flags.rate ?? DEFAULT_CSV_RATE, csv: flags.csv, csvMeta: flags.csvMeta, phases: flags.phase };
  }
  const problems: string[] = [];
  if (flags.rate === undefined) problems.push('--rate: required when producing to Kafka (events per second)');
  if (flags.brokers === undefined) problems.push('--brokers: required (or set KAFKA_BROKERS), e.g. 127.0.0.1:9092');
  if (flags.csvMeta) problems.push('--csv-meta: only with --csv');
  if (flags.phase) problems.push('--phase: only with --csv');
  if (problems.length > 0 || flags.rate === undefined || flags.brokers === undefined) throw new UsageError(problems);
  return {
    ...common,
    mode: 'kafka',
    rate: flags.rate,
    brokers: flags.brokers,
    topicPrefix: flags.topicPrefix,
    target: flags.target,
    fast: flags.fast,
    batchSize: flags.batchSize,
    createTopics: flags.createTopics,
  };
}
