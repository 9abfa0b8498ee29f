import { exitCodeOf, freePort, startServiceProcess, ServiceProcess, testBrokers, uniqueName, waitFor } from '@mlops/testing';

// Each service as a real process against the real broker: configuration checked before
// bootstrap, readiness that follows the Kafka connection, /metrics, bounded SIGTERM shutdown.
const SERVICES = ['ingestion', 'inference', 'drift-computation', 'retraining', 'deployment'];

async function get(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

describe.each(SERVICES)('%s service process', (service) => {
  let proc: ServiceProcess | undefined;

  afterEach(async () => {
    await proc?.stop('SIGKILL');
    proc = undefined;
  });

  it('becomes ready with a broker, serves /metrics, bootstraps its topics and stops cleanly on SIGTERM', async () => {
    const prefix = `${uniqueName(service)}.`;
    proc = startServiceProcess(service, { KAFKA_BROKERS: testBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '1' }, await freePort());
    const url = proc.url;
    await waitFor(async () => (await get(`${url}/health/ready`).catch(() => ({ status: 0 }))).status === 200, `${service} ready`, {
      timeoutMs: 60000,
      intervalMs: 250,
    });
    expect(JSON.parse((await get(`${url}/health/ready`)).body)).toMatchObject({ status: 'ready', ready: true, checks: { kafka: { up: true } } });
    expect((await get(`${url}/health/live`)).status).toBe(200);
    const metrics = await get(`${url}/metrics`);
    expect(metrics.body).toMatch(new RegExp(`^mlops_service_info\\{service="${service}",version="\\d+\\.\\d+\\.\\d+"\\} 1$`, 'm'));
    expect(metrics.body).toContain('mlops_process_resident_memory_bytes');
    expect(proc.output()).toContain(`${prefix}dlq`);

    const stopped = await proc.stop('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(stopped.durationMs).toBeLessThan(15000);
    expect(proc.output()).toContain('"msg":"shut down"');
  });
});

describe('service process failure modes', () => {
  it('exits with 78 and names each bad variable when the configuration is invalid', async () => {
    const proc = startServiceProcess('ingestion', { KAFKA_BROKERS: 'not a broker', LOG_LEVEL: 'loud' }, await freePort());
    expect(await exitCodeOf(proc)).toBe(78);
    expect(proc.output()).toContain('ingestion: invalid configuration:');
    expect(proc.output()).toContain('KAFKA_BROKERS: expected a comma-separated host:port list');
    expect(proc.output()).toContain('LOG_LEVEL: expected one of');
  });

  it('stays up and not ready without a broker, logging why, and still stops on SIGTERM', async () => {
    const unusedPort = await freePort();
    const proc = startServiceProcess('deployment', { KAFKA_BROKERS: `127.0.0.1:${unusedPort}`, KAFKA_PROBE_INTERVAL_MS: '500' }, await freePort());
    try {
      await waitFor(async () => (await get(`${proc.url}/health/live`).catch(() => ({ status: 0 }))).status === 200, 'liveness', { timeoutMs: 30000 });
      await waitFor(() => proc.output().includes('Kafka not reachable; service is not ready'), 'the not-ready log line');
      const ready = await get(`${proc.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body).checks.kafka.detail).toMatch(/^broker unreachable/);
      expect(proc.child.exitCode).toBeNull();
    } finally {
      const stopped = await proc.stop('SIGTERM');
      expect(stopped.code).toBe(0);
      // Well within SHUTDOWN_TIMEOUT_MS (15 s): nothing waits on kafkajs' connection retries.
      expect(stopped.durationMs).toBeLessThan(8000);
    }
  });
});
