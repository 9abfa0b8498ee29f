import { DynamicModule, Global, Module } from '@nestjs/common';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry';
import type { StructuredLogger } from './logging/structured-logger';
import { createMetricsRegistry, ServiceIdentity } from './metrics/metrics-registry';
import { MetricsController } from './metrics/metrics.controller';
import { METRICS_REGISTRY, SERVICE_IDENTITY, STRUCTURED_LOGGER } from './observability.tokens';

export interface ObservabilityOptions {
  identity: ServiceIdentity;
  logger: StructuredLogger;
  defaultMetrics?: boolean;
}

/** Wires /health/live, /health/ready and /metrics, and shares the logger, registry and health checks. */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController, MetricsController],
      providers: [
        HealthRegistry,
        { provide: SERVICE_IDENTITY, useValue: options.identity },
        { provide: STRUCTURED_LOGGER, useValue: options.logger },
        {
          provide: METRICS_REGISTRY,
          useFactory: () => createMetricsRegistry(options.identity, { defaultMetrics: options.defaultMetrics }),
        },
      ],
      exports: [HealthRegistry, SERVICE_IDENTITY, STRUCTURED_LOGGER, METRICS_REGISTRY],
    };
  }
}
