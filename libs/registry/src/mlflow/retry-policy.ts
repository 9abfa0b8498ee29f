import type { BackoffPolicy } from '@mlops/kafka';

/** How often and how patiently a request to the MLflow server is tried. */
export interface RetryPolicy extends BackoffPolicy {
  /** Total tries, the first included. */
  attempts: number;
}

/** Five tries over about three seconds: long enough for a server restart behind a proxy. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, initialMs: 200, maxMs: 5000, factor: 2 };

/**
 * 5xx and 429 say "not now" (the server or a proxy in front of it is overloaded, restarting, or
 * its database is locked); any other status is an answer that repeating will not change.
 */
export function isRetriableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}
