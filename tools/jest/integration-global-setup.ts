/**
 * Provides the real servers integration tests talk to, once per run.
 *
 * Kafka, in this order:
 *   1. KAFKA_BROKERS, when set (a broker you run, or CI's);
 *   2. testcontainers' Kafka module, when a Docker engine answers;
 *   3. tools/kafka/local-kafka.js: Apache Kafka from Maven Central, run locally (no Docker).
 * Workers read the address from process.env.KAFKA_BROKERS; each test makes its own topics.
 */
import { describeBrokerSource, provideTestBroker } from './test-broker';
import { describeMlflowSource, provideTestMlflow } from './test-mlflow';

interface Stoppable {
  stop(): Promise<void>;
}

export default async function globalSetup(): Promise<void> {
  const started: Stoppable[] = [];
  (globalThis as { __MLOPS_TEST_SERVERS__?: Stoppable[] }).__MLOPS_TEST_SERVERS__ = started;

  const broker = await provideTestBroker();
  started.push(broker);
  process.env.KAFKA_BROKERS = broker.brokers;
  process.stderr.write(`\n[kafka] integration tests use ${describeBrokerSource(broker)}\n`);

  // MLflow (libs/registry): MLFLOW_TRACKING_URI when set, else tools/mlflow/local-mlflow.js.
  const mlflow = await provideTestMlflow();
  started.push(mlflow);
  process.env.MLFLOW_TRACKING_URI = mlflow.trackingUri;
  process.stderr.write(`[mlflow] integration tests use ${describeMlflowSource(mlflow)}\n`);
}
