import type { StructuredLogger } from '@mlops/observability';

/**
 * The default when no logger is injected. A local no-op (rather than observability's
 * silentLogger) keeps this lib's import graph free of Nest and prom-client: only the type is used.
 */
export const noopLogger: StructuredLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => noopLogger,
};
