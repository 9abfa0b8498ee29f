import { fetchConsumerLag, sleep, waitAtMost } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import type { Kafka } from 'kafkajs';
import { Gauge, Registry } from 'prom-client';

/**
 * Publishes `mlops_consumer_lag{service,topic,partition}` for the service's consumer groups,
 * polled from the broker on an interval (committed offsets against end offsets).
 */
export class ConsumerLagReporter {
  private readonly gauge: Gauge<'service' | 'topic' | 'partition'>;
  private readonly stopController = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(
    private readonly deps: { kafka: Kafka; registry: Registry; service: string; logger: StructuredLogger; intervalMs: number },
    private readonly groups: () => { groupId: string; topics: string[] }[],
  ) {
    this.gauge = new Gauge({
      name: 'mlops_consumer_lag',
      help: 'Messages not yet committed by the service consumer group, per partition.',
      labelNames: ['service', 'topic', 'partition'],
      registers: [deps.registry],
    });
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopController.abort();
    // A poll may be stuck connecting to an absent broker (kafkajs retries): never wait for it long.
    await waitAtMost(this.loop, 1000);
  }

  async report(): Promise<void> {
    const admin = this.deps.kafka.admin();
    try {
      await admin.connect();
      for (const { groupId, topics } of this.groups()) {
        for (const { topic, partition, lag } of await fetchConsumerLag(admin, groupId, topics)) {
          this.gauge.set({ service: this.deps.service, topic, partition: String(partition) }, lag);
        }
      }
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private async run(): Promise<void> {
    while (!this.stopController.signal.aborted) {
      await this.report().catch((error: Error) => this.deps.logger.debug('consumer lag not available', { error: error.message }));
      await sleep(this.deps.intervalMs, this.stopController.signal);
    }
  }
}
