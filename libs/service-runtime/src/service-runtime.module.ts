import { DynamicModule, Global, Module } from '@nestjs/common';
import { ObservabilityModule, ServiceIdentity, StructuredLogger } from '@mlops/observability';
import { KafkaRuntime, KafkaRuntimeOptions } from './kafka/kafka-runtime';
import { KafkaRuntimeLifecycle } from './kafka/kafka-runtime.lifecycle';
import { SERVICE_CONFIG } from './service-runtime.tokens';

export interface ServiceRuntimeModuleOptions {
  identity: ServiceIdentity;
  logger: StructuredLogger;
  config: unknown;
  kafka: Omit<KafkaRuntimeOptions, 'logger'>;
}

/** What every service gets: typed config, logger, metrics, health endpoints and its Kafka runtime. */
@Global()
@Module({})
export class ServiceRuntimeModule {
  static forRoot(options: ServiceRuntimeModuleOptions): DynamicModule {
    return {
      module: ServiceRuntimeModule,
      imports: [ObservabilityModule.forRoot({ identity: options.identity, logger: options.logger })],
      providers: [
        { provide: SERVICE_CONFIG, useValue: options.config },
        { provide: KafkaRuntime, useFactory: () => new KafkaRuntime({ ...options.kafka, logger: options.logger }) },
        KafkaRuntimeLifecycle,
      ],
      exports: [SERVICE_CONFIG, KafkaRuntime],
    };
  }
}
