import { kafkaEnvSchema } from '@mlops/kafka';
import { z } from 'zod';

const boolString = z.enum(['true', 'false'], { error: 'expected true or false' });

/** Settings every service shares: HTTP, logging, shutdown, Kafka. Services extend it with their own. */
export const runtimeEnvSchema = kafkaEnvSchema.extend({
  HTTP_HOST: z.string().default('0.0.0.0'),
  HTTP_PORT: z.coerce.number({ error: 'expected a TCP port number' }).int().min(0).max(65535).optional(),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
    error: 'expected one of trace, debug, info, warn, error, fatal, silent',
  }).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number({ error: 'expected milliseconds' }).int().min(1000).max(600000).default(15000),
  KAFKA_BOOTSTRAP_TOPICS: boolString.default('true'),
  // Unset: each topic's partition count from libs/contracts. Set: every topic created with this many.
  KAFKA_TOPIC_PARTITIONS: z.coerce.number({ error: 'expected a partition count' }).int().min(1).max(1000).optional(),
  // How soon the group notices a consumer that died without leaving (kill -9): its partitions wait this long.
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number({ error: 'expected milliseconds' }).int().min(6000).max(300000).default(30000),
  KAFKA_PROBE_INTERVAL_MS: z.coerce.number({ error: 'expected milliseconds' }).int().min(100).max(60000).default(5000),
});

export type RuntimeEnv = z.infer<typeof runtimeEnvSchema>;
