export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 250, maxMs: 15000, factor: 2 };

/** Delay before retry number `attempt` (1-based): initial × factor^(attempt−1), capped. Deterministic. */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  return Math.min(policy.maxMs, policy.initialMs * policy.factor ** (attempt - 1));
}

/** Resolves after `ms`, or at once (with false) when the signal aborts; never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits for `promise` at most `ms`; the timer is cleared either way so it never holds the process open. */
export async function waitAtMost(promise: Promise<unknown> | undefined, ms: number): Promise<void> {
  if (!promise) return;
  const controller = new AbortController();
  await Promise.race([promise.catch(() => undefined), sleep(ms, controller.signal)]);
  controller.abort();
}
