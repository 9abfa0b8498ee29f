import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DriftStatsError } from '@mlops/drift-stats';
import { isRetriable, PipelineError } from '@mlops/kafka';
import { ModelError, selectBackend } from '@mlops/model';
import { createLogger, type StructuredLogger } from '@mlops/observability';
import { createModelRegistry, InvalidNameError, InvalidVersionInputError, type ModelRegistry } from '@mlops/registry';
import type { CliIo } from '../cli-io';
import { BadInputError, InterruptedError } from '../drift-report/errors';
import { ServiceUnavailableError } from './errors';
import { describeRegistry, loadKafkaConfig, loadModelCommandEnv, registryConfigOf, type ModelCommandEnv } from './environment/model-command-env';
import { MODEL_EXIT } from './model-exit-codes';
import { connectModelEventPublisher, type ModelEventPublisher } from './publishing/model-event-publisher';

/** What a model command works with, set up from the environment and torn down after it. */
export interface ModelCommandContext {
  readonly env: ModelCommandEnv;
  readonly registry: ModelRegistry;
  readonly registryName: string;
  readonly logger: StructuredLogger;
  /** A scratch folder of this run (saved models, downloads), removed at the end. */
  readonly workDir: string;
  readonly now: () => Date;
  /** Connected when the command publishes (connected before any long work). */
  readonly publisher?: ModelEventPublisher;
  /** Aborted on Ctrl-C: long reads watch it. */
  readonly signal?: AbortSignal;
  /** Throws InterruptedError after Ctrl-C: called between steps. */
  checkpoint(): void;
}

/** How a command runs, decided from its flags. */
export interface RunPlan<T> {
  /** The command's checked options. */
  readonly options: T;
  readonly verbose: boolean;
  /** The flag that needs Kafka (`--deploy`), or undefined when the command does not publish. */
  readonly publishesFor?: string;
  /** Whether a tfjs backend is needed (training, or loading a model in the gates). */
  readonly needsBackend: boolean;
}

/**
 * Runs a model command: checks its flags (`plan`), then the environment, opens the registry (REGISTRY, REGISTRY_ROOT,
 * MLFLOW_TRACKING_URI, as the services), connects to Kafka when it publishes, and turns errors
 * into exit codes: bad input 2 (the message names the flag, file, column or variable), the
 * registry or broker unavailable 3, Ctrl-C 130. Messages go to stderr, never a stack trace.
 */
export async function runModelCommand<T>(
  io: CliIo,
  name: string,
  plan: () => RunPlan<T>,
  work: (options: T, context: ModelCommandContext) => Promise<number>,
): Promise<number> {
  const say = (message: string) => io.stderr.write(`${name}: ${message.replace(/\n/g, `\n${name}: `)}\n`);
  let workDir: string | undefined;
  let publisher: ModelEventPublisher | undefined;
  try {
    // Flags first: a typo fails at once, before any connection or training.
    const planned = plan();
    const rawEnv = io.env ?? {};
    const env = loadModelCommandEnv(rawEnv);
    const kafka = planned.publishesFor === undefined ? undefined : loadKafkaConfig(rawEnv, planned.publishesFor);
    const logger = createLogger({ name: 'mlops', level: planned.verbose ? 'info' : 'warn', destination: { write: (line: string) => void io.stderr.write(line) } });
    const registry = createModelRegistry(registryConfigOf(env, logger));
    if (planned.needsBackend) await selectBackend(env.TFJS_BACKEND, { logger });
    // kafkajs logs every failed connection attempt as an error; the command's own message says it once.
    if (kafka) publisher = await connectModelEventPublisher(kafka, planned.verbose ? logger : createLogger({ name: 'mlops', level: 'silent' }));
    workDir = await mkdtemp(path.join(tmpdir(), 'mlops-cli-'));
    const checkpoint = () => {
      if (io.signal?.aborted === true) throw new InterruptedError();
    };
    return await work(planned.options, { env, registry, registryName: describeRegistry(env), logger, workDir, now: io.now ?? (() => new Date()), publisher, signal: io.signal, checkpoint });
  } catch (error) {
    const code = exitCodeOf(error);
    if (code === undefined) throw error;
    say(code === MODEL_EXIT.interrupted ? 'interrupted' : code === MODEL_EXIT.unavailable ? `unavailable: ${(error as Error).message}` : (error as Error).message);
    return code;
  } finally {
    await publisher?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }
}

/** The exit code of a failure, or undefined for a bug (rethrown). */
export function exitCodeOf(error: unknown): number | undefined {
  if (error instanceof InterruptedError) return MODEL_EXIT.interrupted;
  if (error instanceof BadInputError || error instanceof DriftStatsError || error instanceof ModelError) return MODEL_EXIT.badInput;
  if (error instanceof InvalidNameError || error instanceof InvalidVersionInputError) return MODEL_EXIT.badInput;
  if (error instanceof ServiceUnavailableError || isRetriable(error)) return MODEL_EXIT.unavailable;
  // Other registry failures (a checksum mismatch, a corrupt record, MLflow refusing a request):
  // not the user's input, and the message says what the registry answered.
  if (error instanceof PipelineError) return MODEL_EXIT.unavailable;
  return undefined;
}
