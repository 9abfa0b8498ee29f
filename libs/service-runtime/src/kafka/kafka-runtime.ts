import {
  BatchConsumer,
  BatchConsumerOptions,
  createBatchConsumer,
  createDeadLetterPublisher,
  createIdempotentProducer,
  createKafkaClient,
  ensureTopics,
  KafkaConfig,
  KafkaConnectionMonitor,
  retryUntilConnected,
  waitAtMost,
  TopicSpec,
} from '@mlops/kafka';
import { Topic, topicName } from '@mlops/contracts';
import type { HealthCheckResult, HealthIndicator, StructuredLogger } from '@mlops/observability';
import type { Kafka, Producer } from 'kafkajs';

/** How long stop() waits for an in-flight connection attempt to notice the shutdown. */
const STOP_GRACE_MS = 2000;

export interface KafkaRuntimeOptions {
  config: KafkaConfig;
  logger: StructuredLogger;
  /** Topics this service needs; created if missing when `bootstrapTopics` is on. */
  topics: TopicSpec[];
  bootstrapTopics: boolean;
  deadLetterTopic: string;
  probeIntervalMs: number;
  /** Default session timeout for the service's consumer groups. */
  sessionTimeoutMs?: number;
}

export type ConsumerRegistration = Omit<BatchConsumerOptions, 'kafka' | 'logger' | 'deadLetter'> & {
  /**
   * Runs once before the consumer starts, after the producer connected and topics exist:
   * e.g. rebuild in-memory state by replaying topics. Retried with back-off until it succeeds.
   */
  prepare?: () => Promise<void>;
  /**
   * A per-instance group (every instance reads the whole topic, e.g. the compacted
   * `models.deployed`): its name should be unique to the instance, and a clean stop deletes it
   * from the broker, so restarts do not leave a trail of dead groups behind.
   */
  ephemeral?: boolean;
  /**
   * Members of the group this process runs (default 1), each with its own kafkajs consumer and
   * connection; the group's partitions are shared among them. kafkajs fetches from a broker and
   * handles what it fetched in turn, so with one member the process idles while each fetch is
   * served; with two, one member's fetch is served while the other's batch is handled. A
   * partition is handled by one member at a time, but chunks of different partitions interleave
   * (as with `partitionsConsumedConcurrently`): only for handlers safe under that.
   */
  members?: number;
};

/** How long stop() spends deleting ephemeral groups before giving up (they are harmless leftovers). */
const DELETE_GROUPS_GRACE_MS = 3000;

/**
 * A service's Kafka side: the client, an idempotent producer, the batch consumers, and the
 * readiness they add up to. Everything connects in the background with back-off, so a service
 * without a broker runs, answers /health/live, reports not ready and keeps trying.
 */
export class KafkaRuntime implements HealthIndicator {
  readonly name = 'kafka';
  readonly kafka: Kafka;
  readonly producer: Producer;
  private readonly monitor: KafkaConnectionMonitor;
  private readonly registrations: ConsumerRegistration[] = [];
  private readonly consumers: BatchConsumer[] = [];
  private readonly stopController = new AbortController();
  private producerConnected = false;
  private topicsReady = false;
  private connecting: Promise<void> | undefined;

  constructor(private readonly options: KafkaRuntimeOptions) {
    this.kafka = createKafkaClient(options.config, options.logger);
    this.producer = createIdempotentProducer(this.kafka);
    this.producer.on(this.producer.events.CONNECT, () => (this.producerConnected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.producerConnected = false));
    this.monitor = new KafkaConnectionMonitor({ kafka: this.kafka, logger: options.logger, probeIntervalMs: options.probeIntervalMs });
  }

  /** The broker-side name of a topic, under the configured prefix. */
  topic(topic: Topic): string {
    return topicName(topic, this.options.config.topicPrefix);
  }

  /** The groups and topics of the registered consumers (for lag reporting). */
  consumerGroups(): { groupId: string; topics: string[] }[] {
    return this.registrations.map((r) => ({ groupId: r.groupId, topics: r.topics }));
  }

  get probeIntervalMs(): number {
    return this.options.probeIntervalMs;
  }

  /** Adds a consumer; it starts once the producer (needed for dead-lettering) is connected. */
  registerConsumer(registration: ConsumerRegistration): void {
    if (this.connecting) throw new Error(`consumer ${registration.groupId} registered after start`);
    this.registrations.push(registration);
  }

  start(): void {
    this.monitor.start();
    this.connecting ??= this.connect();
  }

  check(): HealthCheckResult {
    if (this.stopController.signal.aborted) return { up: false, detail: 'shutting down' };
    const broker = this.monitor.check();
    if (!broker.up) return broker;
    if (!this.producerConnected) return { up: false, detail: 'producer not connected' };
    if (!this.topicsReady) return { up: false, detail: 'topics not bootstrapped yet' };
    const notRunning = this.consumers.filter((c) => c.state !== 'running').map((c) => `${c.groupId}: ${c.state}`);
    if (this.consumers.length < this.registrations.reduce((n, r) => n + (r.members ?? 1), 0)) return { up: false, detail: 'consumers starting' };
    if (notRunning.length > 0) return { up: false, detail: `consumers not running (${notRunning.join(', ')})` };
    return { up: true };
  }

  /** Stops consumers first (they commit what they handled), then the producer and the probe. */
  async stop(): Promise<void> {
    this.stopController.abort();
    await Promise.allSettled(this.consumers.map((c) => c.stop()));
    await waitAtMost(this.deleteEphemeralGroups(), DELETE_GROUPS_GRACE_MS);
    // A connect attempt may be in flight against an absent broker: do not wait for its retries.
    await this.producer.disconnect().catch(() => undefined);
    await waitAtMost(this.connecting, STOP_GRACE_MS);
    await this.monitor.stop();
  }

  private async deleteEphemeralGroups(): Promise<void> {
    const groups = this.registrations.filter((r) => r.ephemeral).map((r) => r.groupId);
    const started = new Set(this.consumers.map((c) => c.groupId));
    const toDelete = groups.filter((g) => started.has(g));
    if (toDelete.length === 0) return;
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups(toDelete);
      this.options.logger.debug('deleted per-instance consumer groups', { groups: toDelete });
    } catch (error) {
      this.options.logger.warn('could not delete per-instance consumer groups', { groups: toDelete, error: (error as Error).message });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private async connect(): Promise<void> {
    const signal = this.stopController.signal;
    const { logger } = this.options;
    if (!(await retryUntilConnected('producer', () => this.producer.connect(), { logger, signal }))) return;
    if (this.options.bootstrapTopics) {
      const admin = this.kafka.admin();
      const ok = await retryUntilConnected(
        'topic bootstrap',
        async () => {
          await admin.connect();
          await ensureTopics(admin, this.options.topics, logger);
        },
        { logger, signal },
      );
      await admin.disconnect().catch(() => undefined);
      if (!ok) return;
    }
    this.topicsReady = true;
    const deadLetter = createDeadLetterPublisher(this.producer, this.options.deadLetterTopic);
    for (const { prepare, ephemeral: _ephemeral, members = 1, ...registration } of this.registrations) {
      if (signal.aborted) return;
      if (prepare && !(await retryUntilConnected(`prepare ${registration.groupId}`, prepare, { logger, signal }))) return;
      for (let member = 0; member < members; member++) {
        const consumer = createBatchConsumer({
          sessionTimeoutMs: this.options.sessionTimeoutMs,
          ...registration,
          kafka: this.kafka,
          logger,
          deadLetter,
        });
        this.consumers.push(consumer);
        void consumer.start();
      }
    }
  }
}
