import type { StructuredLogger } from '@mlops/observability';

/**
 * The default when a caller passes no logger. Only the logger's type comes from
 * @mlops/observability, so loading this lib does not load Nest and prom-client.
 */
export const noopLogger: StructuredLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => noopLogger,
};
