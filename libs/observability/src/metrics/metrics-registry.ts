import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

export const METRIC_PREFIX = 'mlops_';

export interface ServiceIdentity {
  service: string;
  version: string;
}

/**
 * One prom-client registry per service process (never the global default, so tests can build
 * several services in one process): default process metrics plus `mlops_service_info`.
 */
export function createMetricsRegistry(identity: ServiceIdentity, options: { defaultMetrics?: boolean } = {}): Registry {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) {
    collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  }
  const info = new Gauge({
    name: `${METRIC_PREFIX}service_info`,
    help: 'Always 1; labels name the running service and its version.',
    labelNames: ['service', 'version'],
    registers: [registry],
  });
  info.set({ service: identity.service, version: identity.version }, 1);
  return registry;
}
