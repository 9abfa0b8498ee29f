interface Stoppable {
  stop(): Promise<void>;
}

/** Stops what the global setup started, last started first. */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { __MLOPS_TEST_SERVERS__?: Stoppable[] }).__MLOPS_TEST_SERVERS__ ?? [];
  for (const server of [...started].reverse()) await server.stop();
}
