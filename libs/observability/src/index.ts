export * from './logging/structured-logger';
export * from './metrics/metrics-registry';
export * from './metrics/metrics.controller';
export * from './health/health-registry';
export * from './health/health.controller';
export * from './observability.module';
export * from './observability.tokens';
