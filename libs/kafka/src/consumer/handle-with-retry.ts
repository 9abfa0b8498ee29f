import type { StructuredLogger } from '@mlops/observability';
import { backoffDelay, BackoffPolicy, sleep } from '../connection/backoff';
import type { DeadLetterPublisher } from '../dead-letter/dead-letter.publisher';
import { isRetriable } from '../errors/pipeline.error';
import type { ConsumedMessage, MessageHandler, MessageOutcome } from './consumed-message';

export interface RetryPolicy extends BackoffPolicy {
  /** Attempts for a retriable failure before the message is dead-lettered ("retries exhausted"). */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialMs: 200, maxMs: 10000, factor: 2, maxAttempts: 8 };

/**
 * For work that must never be dead-lettered because a dependency is down (a retrain request, a
 * deployment to load): retriable failures are retried until they pass, backing off to 30 s.
 */
export const RETRY_UNTIL_DONE: Partial<RetryPolicy> = { maxAttempts: Number.POSITIVE_INFINITY, maxMs: 30_000 };

export class HandlingAborted extends Error {
  constructor() {
    super('handling aborted by shutdown; the message is not committed and will be redelivered');
  }
}

/**
 * Handles one message: retriable failures are retried with back-off, everything else (and
 * retriable failures past `maxAttempts`) goes to the dead-letter topic with the reason.
 * Resolves with the outcome once the offset may be committed. Rejects with HandlingAborted
 * on shutdown, or with the dead-letter send's error: in both cases the caller must not
 * commit, so the message is redelivered.
 */
export async function handleWithRetry(
  message: ConsumedMessage,
  handle: MessageHandler,
  deps: { deadLetter: DeadLetterPublisher; retry: RetryPolicy; logger: StructuredLogger; signal: AbortSignal; groupId: string },
): Promise<MessageOutcome> {
  const where = { topic: message.topic, partition: message.partition, offset: message.offset };
  for (let attempt = 1; ; attempt++) {
    try {
      await handle(message);
      return 'handled';
    } catch (error) {
      const retriable = isRetriable(error);
      if (retriable && attempt < deps.retry.maxAttempts) {
        const delayMs = backoffDelay(attempt, deps.retry);
        deps.logger.warn('retriable failure, retrying', { ...where, attempt, delayMs, error: (error as Error).message });
        if (!(await sleep(delayMs, deps.signal))) throw new HandlingAborted();
        continue;
      }
      const reason = retriable ? `retries exhausted after ${attempt} attempts: ${(error as Error).message}` : errorMessage(error);
      await deps.deadLetter.publish(message, {
        reason,
        errorClass: errorClass(error),
        consumerGroup: deps.groupId,
        attempts: attempt,
      });
      deps.logger.warn('message dead-lettered', { ...where, reason, dlq: deps.deadLetter.topic });
      return 'dead_lettered';
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorClass(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
