import { InvalidKafkaConfigError } from '../errors/invalid-kafka-config.error';
import { KafkaConfig, KafkaEnv } from './kafka-config';

/** Turns validated environment variables into the client config; `clientId` defaults to the service name. */
export function kafkaConfigFromEnv(env: KafkaEnv, defaultClientId: string): KafkaConfig {
  const config: KafkaConfig = {
    brokers: env.KAFKA_BROKERS.split(',').map((b) => b.trim()),
    clientId: env.KAFKA_CLIENT_ID ?? defaultClientId,
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    connectionTimeoutMs: env.KAFKA_CONNECTION_TIMEOUT_MS,
    requestTimeoutMs: env.KAFKA_REQUEST_TIMEOUT_MS,
    fastRecordEncoding: env.KAFKA_FAST_RECORD_ENCODING === 'true',
  };
  const tlsFiles = env.KAFKA_SSL_CA_FILE ?? env.KAFKA_SSL_CERT_FILE ?? env.KAFKA_SSL_KEY_FILE;
  if (env.KAFKA_SSL === 'true' || tlsFiles) {
    if (Boolean(env.KAFKA_SSL_CERT_FILE) !== Boolean(env.KAFKA_SSL_KEY_FILE)) {
      throw new InvalidKafkaConfigError('KAFKA_SSL_CERT_FILE', 'set together with KAFKA_SSL_KEY_FILE (client certificate and its key)');
    }
    config.ssl = {
      caFile: env.KAFKA_SSL_CA_FILE,
      certFile: env.KAFKA_SSL_CERT_FILE,
      keyFile: env.KAFKA_SSL_KEY_FILE,
      rejectUnauthorized: env.KAFKA_SSL_REJECT_UNAUTHORIZED === 'true',
    };
  }
  if (env.KAFKA_SASL_MECHANISM) {
    if (!env.KAFKA_SASL_USERNAME) throw new InvalidKafkaConfigError('KAFKA_SASL_USERNAME', `required when KAFKA_SASL_MECHANISM is set`);
    if (!env.KAFKA_SASL_PASSWORD) throw new InvalidKafkaConfigError('KAFKA_SASL_PASSWORD', `required when KAFKA_SASL_MECHANISM is set`);
    config.sasl = { mechanism: env.KAFKA_SASL_MECHANISM, username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD };
  } else if (env.KAFKA_SASL_USERNAME || env.KAFKA_SASL_PASSWORD) {
    throw new InvalidKafkaConfigError('KAFKA_SASL_MECHANISM', 'required when KAFKA_SASL_USERNAME or KAFKA_SASL_PASSWORD is set');
  }
  return config;
}
