import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HealthRegistry, METRICS_REGISTRY, SERVICE_IDENTITY, ServiceIdentity, STRUCTURED_LOGGER, StructuredLogger } from '@mlops/observability';
import type { Registry } from 'prom-client';
import { ConsumerLagReporter } from './consumer-lag.reporter';
import { KafkaRuntime } from './kafka-runtime';

/**
 * Starts Kafka once every module has registered its consumers (onModuleInit runs first), and
 * stops it before the HTTP server closes, so consumers commit and leave the group cleanly.
 * Also reports the consumer groups' lag as a gauge.
 */
@Injectable()
export class KafkaRuntimeLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly lag: ConsumerLagReporter;

  constructor(
    private readonly runtime: KafkaRuntime,
    health: HealthRegistry,
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(SERVICE_IDENTITY) identity: ServiceIdentity,
    @Inject(STRUCTURED_LOGGER) logger: StructuredLogger,
  ) {
    health.register(runtime);
    this.lag = new ConsumerLagReporter(
      { kafka: runtime.kafka, registry, service: identity.service, logger, intervalMs: runtime.probeIntervalMs },
      () => runtime.consumerGroups(),
    );
  }

  onApplicationBootstrap(): void {
    this.runtime.start();
    if (this.runtime.consumerGroups().length > 0) this.lag.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.lag.stop();
    await this.runtime.stop();
  }
}
