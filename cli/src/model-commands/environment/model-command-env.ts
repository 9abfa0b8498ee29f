import { InvalidKafkaConfigError, kafkaConfigFromEnv, kafkaEnvSchema, type KafkaConfig } from '@mlops/kafka';
import { BACKEND_NAMES, DEFAULT_BACKEND } from '@mlops/model';
import type { StructuredLogger } from '@mlops/observability';
import type { RegistryConfig } from '@mlops/registry';
import { InvalidConfigurationError, loadConfig, registryConfigFromEnv, registryEnvSchema, requireMlflowUriWhenSelected } from '@mlops/service-runtime';
import { z } from 'zod';
import { UsageError } from '../../drift-report/errors';

/**
 * The variables the model commands read, the same names and rules as the retraining and
 * deployment services: REGISTRY (filesystem | mlflow), REGISTRY_ROOT, MLFLOW_TRACKING_URI,
 * TFJS_BACKEND, and (only when a command publishes) the KAFKA_* settings.
 */
const modelCommandEnvSchema = registryEnvSchema
  .extend({
    TFJS_BACKEND: z.enum(BACKEND_NAMES, { error: `expected one of ${BACKEND_NAMES.join(', ')}` }).default(DEFAULT_BACKEND),
  })
  .superRefine(requireMlflowUriWhenSelected);

export type ModelCommandEnv = z.infer<typeof modelCommandEnvSchema>;

/** The checked environment; a bad value is a UsageError naming the variable (exit code 2). */
export function loadModelCommandEnv(env: Readonly<Record<string, string | undefined>>): ModelCommandEnv {
  try {
    return loadConfig(modelCommandEnvSchema, { ...env });
  } catch (error) {
    throw asUsageError(error);
  }
}

export function registryConfigOf(env: ModelCommandEnv, logger: StructuredLogger): RegistryConfig {
  return registryConfigFromEnv(env, logger);
}

/** Where the registry is, for the summary line. */
export function describeRegistry(env: ModelCommandEnv): string {
  return env.REGISTRY === 'mlflow' ? `MLflow at ${env.MLFLOW_TRACKING_URI ?? '?'}` : `filesystem registry at ${env.REGISTRY_ROOT}`;
}

/**
 * The broker settings, read only when a command publishes: KAFKA_BROKERS is required then, and
 * TLS/SASL/prefix follow the services' rules (a missing broker list says which flag needs it).
 */
export function loadKafkaConfig(env: Readonly<Record<string, string | undefined>>, neededBy: string): KafkaConfig {
  if (!env['KAFKA_BROKERS']?.trim()) throw new UsageError(`KAFKA_BROKERS: required by ${neededBy} (a comma-separated host:port list, e.g. 127.0.0.1:9092)`);
  try {
    return kafkaConfigFromEnv(loadConfig(kafkaEnvSchema, { ...env }), 'mlops-cli');
  } catch (error) {
    throw asUsageError(error);
  }
}

function asUsageError(error: unknown): Error {
  if (error instanceof InvalidConfigurationError) return new UsageError(error.problems.map((p) => `${p.variable}: ${p.expected}`).join('; '));
  if (error instanceof InvalidKafkaConfigError) return new UsageError(error.message);
  return error as Error;
}
