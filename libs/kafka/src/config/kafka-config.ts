import { z } from 'zod';

const hostPort = /^[A-Za-z0-9.-]+:\d{1,5}$/;

/**
 * The Kafka part of every service's environment. Validated once, before bootstrap, so a
 * bad value stops the process with the variable's name and what was expected.
 */
export const kafkaEnvSchema = z.object({
  KAFKA_BROKERS: z
    .string({ error: 'expected a comma-separated host:port list, e.g. 127.0.0.1:9092' })
    .trim()
    .refine((v) => v.split(',').every((b) => hostPort.test(b.trim())), {
      message: 'expected a comma-separated host:port list, e.g. 127.0.0.1:9092',
    }),
  KAFKA_CLIENT_ID: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'expected 1-100 of [A-Za-z0-9._-]').optional(),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]{0,100}$/, 'expected up to 100 of [A-Za-z0-9._-]')
    .default(''),
  KAFKA_SSL: z.enum(['true', 'false'], { error: 'expected true or false' }).default('false'),
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
  KAFKA_SSL_CERT_FILE: z.string().min(1).optional(),
  KAFKA_SSL_KEY_FILE: z.string().min(1).optional(),
  KAFKA_SSL_REJECT_UNAUTHORIZED: z.enum(['true', 'false'], { error: 'expected true or false' }).default('true'),
  KAFKA_SASL_MECHANISM: z
    .enum(['plain', 'scram-sha-256', 'scram-sha-512'], { error: 'expected plain, scram-sha-256 or scram-sha-512' })
    .optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  KAFKA_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(3000),
  KAFKA_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300000).default(30000),
  /** Encode produced records in one pass (libs/kafka/src/producer/record-encoding) instead of with kafkajs' encoder: same bytes. */
  KAFKA_FAST_RECORD_ENCODING: z.enum(['true', 'false'], { error: 'expected true or false' }).default('true'),
});

export type KafkaEnv = z.infer<typeof kafkaEnvSchema>;

export interface KafkaSaslConfig {
  mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
  username: string;
  password: string;
}

export interface KafkaTlsConfig {
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  rejectUnauthorized: boolean;
}

export interface KafkaConfig {
  brokers: string[];
  clientId: string;
  topicPrefix: string;
  ssl?: KafkaTlsConfig;
  sasl?: KafkaSaslConfig;
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
  /** Produced records encoded by `encodeRecord` (default true; false keeps kafkajs' own encoder). */
  fastRecordEncoding?: boolean;
}
