import { Topic, topicName } from '@mlops/contracts';
import { createKafkaClient, replayTopic, toTopicConfig, type ConsumedMessage } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import { testBrokers, uniqueName } from '@mlops/testing';
import type { Admin, Kafka, Producer } from 'kafkajs';

/** Topics that may carry an oversized poison message (and the dead-letter copy of one). */
const LARGE_MESSAGE_TOPICS = new Set<Topic>([Topic.PredictionsRaw, Topic.LabelsRaw, Topic.InferenceRequests, Topic.DeadLetter]);
/**
 * Above the contracts' 1 MiB MAX_MESSAGE_BYTES: the broker must accept an oversized message so
 * that the service, not the broker, is what refuses it.
 */
export const LARGE_TOPIC_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

export interface ChaosKafka {
  kafka: Kafka;
  admin: Admin;
  producer: Producer;
  /** A fresh topic prefix for one test, e.g. `test.poison.lx2k.1a2b3c4d.` */
  prefix: string;
  t(topic: Topic): string;
  /** Creates the topics under the prefix: models.deployed compacted, raw topics and dlq taking large messages. */
  createTopics(topics: Topic[], partitions: number): Promise<void>;
  /** Every message of a topic, from the start to its current end. */
  readAll(topic: Topic): Promise<ConsumedMessage[]>;
  /** Messages in a topic (high minus low watermark over its partitions). */
  countOf(topic: Topic): Promise<number>;
  close(): Promise<void>;
}

const logger = createLogger({ name: 'chaos-input-faults', level: 'warn' });

/** A client on the test broker with its own topic prefix: the chaos specs' Kafka side. */
export async function connectChaosKafka(base: string): Promise<ChaosKafka> {
  const kafka = createKafkaClient({ brokers: testBrokers(), clientId: `chaos-${base}`, topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 }, logger);
  const admin = kafka.admin();
  await admin.connect();
  const producer = kafka.producer();
  await producer.connect();
  const prefix = `${uniqueName(base)}.`;
  const t = (topic: Topic) => topicName(topic, prefix);
  return {
    kafka,
    admin,
    producer,
    prefix,
    t,
    async createTopics(topics, partitions) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: topics.map((topic) => {
          const config = toTopicConfig({ name: t(topic), partitions, compacted: topic === Topic.ModelsDeployed });
          if (LARGE_MESSAGE_TOPICS.has(topic)) {
            // A batch must also fit in a log segment (the test broker may run with small ones).
            config.configEntries?.push({ name: 'max.message.bytes', value: String(LARGE_TOPIC_MAX_MESSAGE_BYTES) }, { name: 'segment.bytes', value: String(4 * LARGE_TOPIC_MAX_MESSAGE_BYTES) });
          }
          return config;
        }),
      });
    },
    async readAll(topic) {
      const all: ConsumedMessage[] = [];
      await replayTopic({ kafka, topic: t(topic), from: 'earliest', logger, handle: (ms) => void all.push(...ms) });
      return all;
    },
    async countOf(topic) {
      const offsets = await admin.fetchTopicOffsets(t(topic));
      return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    },
    async close() {
      await producer.disconnect();
      await admin.disconnect();
    },
  };
}

/** The common environment of a service process on the test broker under `prefix`. */
export function serviceKafkaEnv(prefix: string, partitions: number): Record<string, string> {
  return {
    KAFKA_BROKERS: testBrokers().join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: String(partitions),
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    KAFKA_PROBE_INTERVAL_MS: '500',
    LOG_LEVEL: 'warn',
  };
}

/** The HTTP status of `url`, or undefined when nothing answers. */
export async function statusOf(url: string): Promise<number | undefined> {
  return (await fetch(url, { signal: AbortSignal.timeout(5000) }).catch(() => undefined))?.status;
}
