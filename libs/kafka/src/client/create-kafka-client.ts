import { readFileSync } from 'node:fs';
import type { StructuredLogger } from '@mlops/observability';
import { Kafka, KafkaConfig as KafkajsConfig, logLevel, SASLOptions } from 'kafkajs';
import { InvalidKafkaConfigError } from '../errors/invalid-kafka-config.error';
import { installRecordEncoder } from '../producer/record-encoding/install-record-encoder';
import type { KafkaConfig } from '../config/kafka-config';
import { kafkajsLogCreator } from './kafkajs-log-creator';
import { noDelaySocketFactory } from './no-delay-socket-factory';

function readPem(setting: string, file: string | undefined): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidKafkaConfigError(setting, `a readable PEM file (${(error as Error).message})`);
  }
}

/** The kafkajs options for a config: brokers, TLS, SASL, timeouts and a bounded retry with back-off. */
export function kafkajsOptions(config: KafkaConfig, logger: StructuredLogger): KafkajsConfig {
  if (config.brokers.length === 0) throw new InvalidKafkaConfigError('brokers', 'at least one host:port');
  const options: KafkajsConfig = {
    clientId: config.clientId,
    brokers: config.brokers,
    connectionTimeout: config.connectionTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    // kafkajs retries each request with exponential back-off; callers add their own outer loop.
    retry: { initialRetryTime: 300, maxRetryTime: 30000, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator: kafkajsLogCreator(logger),
    socketFactory: noDelaySocketFactory,
  };
  if (config.ssl) {
    options.ssl = {
      rejectUnauthorized: config.ssl.rejectUnauthorized,
      ca: readPem('KAFKA_SSL_CA_FILE', config.ssl.caFile),
      cert: readPem('KAFKA_SSL_CERT_FILE', config.ssl.certFile),
      key: readPem('KAFKA_SSL_KEY_FILE', config.ssl.keyFile),
    };
  }
  if (config.sasl) {
    options.sasl = { ...config.sasl } as SASLOptions;
  }
  return options;
}

export function createKafkaClient(config: KafkaConfig, logger: StructuredLogger): Kafka {
  const encoding = installRecordEncoder(config.fastRecordEncoding ?? true);
  if (encoding === 'version-mismatch' || encoding === 'too-late') {
    logger.warn('produced records use kafkajs\' own encoder (slower, same bytes)', { reason: encoding === 'too-late' ? 'kafkajs produced before the client was created' : 'kafkajs is not the release the one-pass encoder was checked against' });
  }
  return new Kafka(kafkajsOptions(config, logger));
}
