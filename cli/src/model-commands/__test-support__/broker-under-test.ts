import { createKafkaClient, replayTopic, type ConsumedMessage } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import type { Kafka } from 'kafkajs';

const logger = createLogger({ name: 'cli-int-spec', level: 'warn' });

/** A kafkajs client on the integration tests' broker (pass `testBrokers()`), and a way to read a topic whole. */
export function brokerUnderTest(brokers: string[]): { kafka: Kafka; readAll(topic: string): Promise<ConsumedMessage[]>; cleanupPolicy(topic: string): Promise<string | undefined> } {
  const kafka = createKafkaClient({ brokers, clientId: 'cli-int-spec', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 }, logger);
  return {
    kafka,
    async readAll(topic) {
      const all: ConsumedMessage[] = [];
      await replayTopic({ kafka, topic, from: 'earliest', logger, handle: (messages) => void all.push(...messages) });
      return all;
    },
    async cleanupPolicy(topic) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: topic, configNames: ['cleanup.policy'] }] });
        return resources[0]?.configEntries.find((e) => e.configName === 'cleanup.policy')?.configValue;
      } finally {
        await admin.disconnect();
      }
    },
  };
}

/** Header value as text. */
export function header(message: ConsumedMessage, name: string): string | undefined {
  return message.headers[name]?.toString();
}
