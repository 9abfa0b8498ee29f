import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HealthRegistry } from '@mlops/observability';
import { KafkaRuntime } from './kafka-runtime';

/**
 * Starts Kafka once every module has registered its consumers (onModuleInit runs first), and
 * stops it before the HTTP server closes, so consumers commit and leave the group cleanly.
 */
@Injectable()
export class KafkaRuntimeLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly runtime: KafkaRuntime,
    health: HealthRegistry,
  ) {
    health.register(runtime);
  }

  onApplicationBootstrap(): void {
    this.runtime.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
