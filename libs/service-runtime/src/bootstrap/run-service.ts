import 'reflect-metadata';
import { Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Topic, topicName } from '@mlops/contracts';
import { kafkaConfigFromEnv } from '@mlops/kafka';
import { createLogger, StructuredLogger } from '@mlops/observability';
import type { z } from 'zod';
import { loadConfig } from '../config/load-config';
import type { RuntimeEnv } from '../config/runtime-env.schema';
import { topicSpecsFor } from '../kafka/topic-specs';
import { NestLoggerAdapter } from '../logging/nest-logger.adapter';
import { ServiceRuntimeModule } from '../service-runtime.module';
import { PRODUCT_VERSION } from '../version';

/** Exit code for a configuration error (sysexits' EX_CONFIG), so supervisors can tell it from a crash. */
export const EXIT_CONFIG = 78;

export interface ServiceDefinition<S extends z.ZodType<RuntimeEnv>> {
  name: string;
  configSchema: S;
  defaultHttpPort: number;
  module: Type<unknown>;
  /** The topics the service reads and writes (the dead-letter topic is added); bootstrapped if missing. */
  topics: readonly Topic[];
}

export interface RunningService {
  url: string;
  close(): Promise<void>;
  logger: StructuredLogger;
}

/**
 * Boots a service: validates the environment first (a bad variable ends the process with its
 * name and what was expected), builds the Nest app with the shared runtime, listens, and turns
 * SIGTERM/SIGINT into a shutdown bounded by SHUTDOWN_TIMEOUT_MS.
 */
export async function runService<S extends z.ZodType<RuntimeEnv>>(
  definition: ServiceDefinition<S>,
  env: Record<string, string | undefined> = process.env,
): Promise<RunningService> {
  let config: z.infer<S>;
  let kafkaConfig;
  try {
    config = loadConfig(definition.configSchema, env);
    kafkaConfig = kafkaConfigFromEnv(config, definition.name);
  } catch (error) {
    process.stderr.write(`${definition.name}: ${(error as Error).message}\n`);
    process.exit(EXIT_CONFIG);
  }
  const logger = createLogger({ name: definition.name, level: config.LOG_LEVEL });
  const identity = { service: definition.name, version: PRODUCT_VERSION };

  @Module({
    imports: [
      ServiceRuntimeModule.forRoot({
        identity,
        logger,
        config,
        kafka: {
          config: kafkaConfig,
          topics: topicSpecsFor([...definition.topics, Topic.DeadLetter], config.KAFKA_TOPIC_PREFIX, config.KAFKA_TOPIC_PARTITIONS),
          bootstrapTopics: config.KAFKA_BOOTSTRAP_TOPICS === 'true',
          deadLetterTopic: topicName(Topic.DeadLetter, config.KAFKA_TOPIC_PREFIX),
          probeIntervalMs: config.KAFKA_PROBE_INTERVAL_MS,
          sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
        },
      }),
      definition.module,
    ],
  })
  class ServiceRootModule {}

  const app = await NestFactory.create<NestExpressApplication>(ServiceRootModule, { logger: new NestLoggerAdapter(logger), abortOnError: false });
  // Batched inference requests carry many rows; 100 kB (Express' default) is too small.
  app.useBodyParser('json', { limit: '16mb' });
  await app.listen(config.HTTP_PORT ?? definition.defaultHttpPort, config.HTTP_HOST);
  const url = await app.getUrl();
  logger.info('service started', { version: identity.version, url, brokers: kafkaConfig.brokers });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const started = Date.now();
      logger.info('shutting down', { timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
      await app.close();
      logger.info('shut down', { durationMs: Date.now() - started });
    })());

  const onSignal = (signal: NodeJS.Signals) => {
    logger.info('signal received', { signal });
    const deadline = setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting', { timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    close().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error('shutdown failed', { error: error.message });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return { url, close, logger };
}
