import { Kafka, logLevel } from 'kafkajs';

export interface TestBroker {
  brokers: string;
  source: 'env' | 'testcontainers' | 'local-script';
  version: string;
  stop(): Promise<void>;
}

// The Confluent image matching the local script's Apache Kafka 4.1 line.
const CONTAINER_IMAGE = 'confluentinc/cp-kafka:8.1.0';

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

async function fromTestcontainers(): Promise<TestBroker> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const container = await new KafkaContainer(CONTAINER_IMAGE).withKraft().start();
  return {
    brokers: `${container.getHost()}:${container.getMappedPort(9093)}`,
    source: 'testcontainers',
    version: CONTAINER_IMAGE,
    stop: async () => {
      await container.stop();
    },
  };
}

async function fromLocalScript(): Promise<TestBroker> {
  const local = require('../kafka/local-kafka.js') as {
    KAFKA_VERSION: string;
    startLocalKafka(): Promise<{ brokers: string; stop(): Promise<void> }>;
  };
  const broker = await local.startLocalKafka();
  return { brokers: broker.brokers, source: 'local-script', version: `Apache Kafka ${local.KAFKA_VERSION}`, stop: broker.stop };
}

/** The broker's software version is not in the protocol; report what we know of it. */
export function describeBrokerSource(broker: TestBroker): string {
  const where = { env: 'KAFKA_BROKERS', testcontainers: 'testcontainers', 'local-script': 'tools/kafka/local-kafka.js' }[broker.source];
  return `a real broker at ${broker.brokers} (${broker.version}, from ${where})`;
}

async function assertReachable(brokers: string): Promise<void> {
  const admin = new Kafka({ clientId: 'test-broker-check', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    throw new Error(`KAFKA_BROKERS=${brokers} does not answer a metadata request: ${(error as Error).message}`);
  } finally {
    await admin.disconnect();
  }
}

export async function provideTestBroker(): Promise<TestBroker> {
  const fromEnv = process.env.KAFKA_BROKERS?.trim();
  if (fromEnv) {
    await assertReachable(fromEnv);
    return { brokers: fromEnv, source: 'env', version: 'external broker', stop: async () => undefined };
  }
  if (await dockerAnswers()) return fromTestcontainers();
  return fromLocalScript();
}
