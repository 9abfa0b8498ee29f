/**
 * The broker address for integration tests, set by tools/jest/integration-global-setup.ts
 * (KAFKA_BROKERS, else testcontainers, else the local Apache Kafka script).
 */
export function testBrokers(): string[] {
  const brokers = process.env.KAFKA_BROKERS?.trim();
  if (!brokers) {
    throw new Error('KAFKA_BROKERS is not set: run integration tests with `npm run test:int` so the global setup provides a broker');
  }
  return brokers.split(',').map((b) => b.trim());
}
