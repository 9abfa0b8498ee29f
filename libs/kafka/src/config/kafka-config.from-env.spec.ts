import { InvalidKafkaConfigError } from '../errors/invalid-kafka-config.error';
import { kafkaEnvSchema } from './kafka-config';
import { kafkaConfigFromEnv } from './kafka-config.from-env';

const parse = (env: Record<string, string>) => kafkaEnvSchema.parse(env);

describe('kafka configuration', () => {
  it('applies defaults and splits the broker list', () => {
    const config = kafkaConfigFromEnv(parse({ KAFKA_BROKERS: 'a:9092, b:9093' }), 'ingestion');
    expect(config).toEqual({
      brokers: ['a:9092', 'b:9093'],
      clientId: 'ingestion',
      topicPrefix: '',
      connectionTimeoutMs: 3000,
      requestTimeoutMs: 30000,
      fastRecordEncoding: true,
    });
  });

  it('turns the one-pass record encoder off with KAFKA_FAST_RECORD_ENCODING=false and names the variable for a bad value', () => {
    expect(kafkaConfigFromEnv(parse({ KAFKA_BROKERS: 'a:9092', KAFKA_FAST_RECORD_ENCODING: 'false' }), 'x').fastRecordEncoding).toBe(false);
    const result = kafkaEnvSchema.safeParse({ KAFKA_BROKERS: 'a:9092', KAFKA_FAST_RECORD_ENCODING: 'yes' });
    expect(result.error?.issues[0].path).toEqual(['KAFKA_FAST_RECORD_ENCODING']);
  });

  it.each([[''], ['localhost'], ['a:9092,,b:1'], ['http://a:9092']])('rejects the broker list %j', (brokers) => {
    const result = kafkaEnvSchema.safeParse({ KAFKA_BROKERS: brokers });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['KAFKA_BROKERS']);
  });

  it('configures SASL/SCRAM and TLS together', () => {
    const config = kafkaConfigFromEnv(
      parse({
        KAFKA_BROKERS: 'k:9093',
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'svc',
        KAFKA_SASL_PASSWORD: 's3cret',
      }),
      'x',
    );
    expect(config.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'svc', password: 's3cret' });
    expect(config.ssl).toEqual({ rejectUnauthorized: true, caFile: undefined, certFile: undefined, keyFile: undefined });
  });

  it('names the missing SASL setting', () => {
    expect(() => kafkaConfigFromEnv(parse({ KAFKA_BROKERS: 'k:1', KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' }), 'x')).toThrow(
      new InvalidKafkaConfigError('KAFKA_SASL_PASSWORD', 'required when KAFKA_SASL_MECHANISM is set'),
    );
    expect(() => kafkaConfigFromEnv(parse({ KAFKA_BROKERS: 'k:1', KAFKA_SASL_USERNAME: 'u' }), 'x')).toThrow(/KAFKA_SASL_MECHANISM/);
  });

  it('rejects a client certificate without its key', () => {
    expect(() => kafkaConfigFromEnv(parse({ KAFKA_BROKERS: 'k:1', KAFKA_SSL_CERT_FILE: '/c.pem' }), 'x')).toThrow(/KAFKA_SSL_CERT_FILE/);
  });

  it('rejects an unknown SASL mechanism with the accepted ones', () => {
    const result = kafkaEnvSchema.safeParse({ KAFKA_BROKERS: 'k:1', KAFKA_SASL_MECHANISM: 'gssapi' });
    expect(result.error!.issues[0].message).toBe('expected plain, scram-sha-256 or scram-sha-512');
  });
});
