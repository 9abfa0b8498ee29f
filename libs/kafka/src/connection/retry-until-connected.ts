import type { StructuredLogger } from '@mlops/observability';
import { backoffDelay, BackoffPolicy, DEFAULT_BACKOFF, sleep } from './backoff';

/**
 * Runs `connect` until it succeeds or `signal` aborts, waiting with exponential back-off
 * between attempts and logging each failure once with the next delay. Returns false if aborted.
 * Services use it so that a missing broker leaves them running and not ready, instead of crashed.
 */
export async function retryUntilConnected(
  what: string,
  connect: () => Promise<void>,
  options: { logger: StructuredLogger; signal: AbortSignal; backoff?: BackoffPolicy },
): Promise<boolean> {
  for (let attempt = 1; !options.signal.aborted; attempt++) {
    try {
      await connect();
      if (attempt > 1) options.logger.info(`${what}: connected`, { attempts: attempt });
      return true;
    } catch (error) {
      if (options.signal.aborted) return false;
      const delayMs = backoffDelay(attempt, options.backoff ?? DEFAULT_BACKOFF);
      options.logger.warn(`${what}: cannot connect, retrying`, { attempt, delayMs, error: (error as Error).message });
      await sleep(delayMs, options.signal);
    }
  }
  return false;
}
