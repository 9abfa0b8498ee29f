import path from 'node:path';
import { createKafkaClient } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import { freePort, startServiceProcess, uniqueName, waitFor } from '@mlops/testing';

// A second, SASL-protected Apache Kafka broker (SASL/PLAIN) from the same local script: the
// services' SASL settings are honoured, wrong credentials are refused, and no endpoint or log
// line carries the password.
const local = require(path.resolve(__dirname, '..', '..', 'tools', 'kafka', 'local-kafka.js')) as {
  startLocalKafka(options: { sasl: { username: string; password: string } }): Promise<{ brokers: string; stop(): Promise<void> }>;
};

const USERNAME = 'mlops-svc';
const PASSWORD = 'pw-4f9c2e71-very-secret';
const logger = createLogger({ name: 'security-int-spec', level: 'silent' });
jest.setTimeout(180_000);

describe('Kafka SASL and secrets', () => {
  let broker: { brokers: string; stop(): Promise<void> };

  beforeAll(async () => {
    broker = await local.startLocalKafka({ sasl: { username: USERNAME, password: PASSWORD } });
  });

  afterAll(async () => {
    await broker?.stop();
  });

  const clientConfig = (password: string) => ({
    brokers: [broker.brokers],
    clientId: 'security-int-spec',
    topicPrefix: '',
    connectionTimeoutMs: 3000,
    requestTimeoutMs: 10000,
    sasl: { mechanism: 'plain' as const, username: USERNAME, password },
  });

  it('lets a client with the right credentials in and refuses a wrong password', async () => {
    const admin = createKafkaClient(clientConfig(PASSWORD), logger).admin();
    await admin.connect();
    const topic = uniqueName('sasl');
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    expect(await admin.listTopics()).toContain(topic);
    await admin.disconnect();

    const intruder = createKafkaClient(clientConfig('wrong-password'), logger).admin();
    await expect(intruder.connect()).rejects.toThrow(/SASL|[Aa]uthentication/);
    await intruder.disconnect().catch(() => undefined);
  });

  it('runs a service over SASL, and neither /metrics, the health endpoints nor the logs show the password', async () => {
    const service = startServiceProcess(
      'ingestion',
      {
        KAFKA_BROKERS: broker.brokers,
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: USERNAME,
        KAFKA_SASL_PASSWORD: PASSWORD,
        KAFKA_TOPIC_PREFIX: `${uniqueName('secure')}.`,
        KAFKA_TOPIC_PARTITIONS: '1',
        LOG_LEVEL: 'debug',
      },
      await freePort(),
    );
    try {
      await waitFor(async () => (await fetch(`${service.url}/health/ready`).catch(() => undefined))?.status === 200, `ready over SASL; output:\n${service.output().slice(-3000)}`, {
        timeoutMs: 60000,
        intervalMs: 250,
      });
      const bodies = await Promise.all(['/metrics', '/health/ready', '/health/live'].map(async (p) => (await fetch(`${service.url}${p}`)).text()));
      for (const body of bodies) expect(body).not.toContain(PASSWORD);
    } finally {
      await service.stop('SIGTERM');
    }
    expect(service.output().length).toBeGreaterThan(0);
    expect(service.output()).not.toContain(PASSWORD);
  });

  it('stays not ready, without crashing, when its SASL password is wrong', async () => {
    const service = startServiceProcess(
      'deployment',
      {
        KAFKA_BROKERS: broker.brokers,
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: USERNAME,
        KAFKA_SASL_PASSWORD: 'not-the-password',
        KAFKA_PROBE_INTERVAL_MS: '500',
      },
      await freePort(),
    );
    try {
      await waitFor(() => service.output().includes('Kafka not reachable; service is not ready'), 'the not-ready log line', { timeoutMs: 30000 });
      const ready = await fetch(`${service.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(service.child.exitCode).toBeNull();
    } finally {
      expect((await service.stop('SIGTERM')).code).toBe(0);
    }
  });
});
