/**
 * Provides one real Kafka broker for the whole integration run, in this order:
 *   1. KAFKA_BROKERS, when set (a broker you run, or CI's);
 *   2. testcontainers' Kafka module, when a Docker engine answers;
 *   3. tools/kafka/local-kafka.js: Apache Kafka from Maven Central, run locally (no Docker).
 * Workers read the address from process.env.KAFKA_BROKERS; each test makes its own topics.
 */
import { describeBrokerSource, provideTestBroker } from './test-broker';

export default async function globalSetup(): Promise<void> {
  const broker = await provideTestBroker();
  process.env.KAFKA_BROKERS = broker.brokers;
  (globalThis as { __MLOPS_TEST_BROKER__?: typeof broker }).__MLOPS_TEST_BROKER__ = broker;
  process.stderr.write(`\n[kafka] integration tests use ${describeBrokerSource(broker)}\n`);
}
