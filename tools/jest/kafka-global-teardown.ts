import type { TestBroker } from './test-broker';

export default async function globalTeardown(): Promise<void> {
  const broker = (globalThis as { __MLOPS_TEST_BROKER__?: TestBroker }).__MLOPS_TEST_BROKER__;
  await broker?.stop();
}
