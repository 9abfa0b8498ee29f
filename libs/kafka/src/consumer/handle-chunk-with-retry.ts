import type { StructuredLogger } from '@mlops/observability';
import { backoffDelay, sleep } from '../connection/backoff';
import type { DeadLetterDetails, DeadLetterPublisher, FailedMessage } from '../dead-letter/dead-letter.publisher';
import { isRetriable } from '../errors/pipeline.error';
import type { BatchHandler, ConsumedMessage, MessageOutcome } from './consumed-message';
import { HandlingAborted, RetryPolicy } from './handle-with-retry';

/**
 * The batch counterpart of handleWithRetry: runs the handler on a chunk, retries the chunk on a
 * retriable throw, dead-letters rejected messages (or the whole chunk on a permanent throw or
 * exhausted retries) in one produce request, and returns one outcome per message. Rejects with
 * HandlingAborted on shutdown, or with the dead-letter send's error; the caller then must not
 * commit the chunk.
 */
export async function handleChunkWithRetry(
  chunk: ConsumedMessage[],
  handleBatch: BatchHandler,
  deps: { deadLetter: DeadLetterPublisher; retry: RetryPolicy; logger: StructuredLogger; signal: AbortSignal; groupId: string },
): Promise<MessageOutcome[]> {
  for (let attempt = 1; ; attempt++) {
    let results;
    try {
      results = await handleBatch(chunk);
    } catch (error) {
      if (isRetriable(error) && attempt < deps.retry.maxAttempts) {
        const delayMs = backoffDelay(attempt, deps.retry);
        deps.logger.warn('retriable batch failure, retrying', { size: chunk.length, attempt, delayMs, error: (error as Error).message });
        if (!(await sleep(delayMs, deps.signal))) throw new HandlingAborted();
        continue;
      }
      const reason = isRetriable(error)
        ? `retries exhausted after ${attempt} attempts: ${(error as Error).message}`
        : `batch failed: ${error instanceof Error ? error.message : String(error)}`;
      const details = { reason, errorClass: error instanceof Error ? error.name : typeof error, attempts: attempt, consumerGroup: deps.groupId };
      await deps.deadLetter.publishMany(chunk.map((message) => ({ message, details })));
      deps.logger.warn('batch dead-lettered', { size: chunk.length, reason, dlq: deps.deadLetter.topic });
      return chunk.map(() => 'dead_lettered');
    }
    if (results.length !== chunk.length) {
      throw new Error(`batch handler returned ${results.length} outcomes for ${chunk.length} messages`);
    }
    const rejects: { message: FailedMessage; details: DeadLetterDetails }[] = [];
    const outcomes = results.map((result, i): MessageOutcome => {
      if (result.status === 'handled') return 'handled';
      const error = result.error;
      rejects.push({
        message: chunk[i],
        details: {
          reason: error instanceof Error ? error.message : String(error),
          errorClass: error instanceof Error ? error.name : typeof error,
          attempts: 1,
          consumerGroup: deps.groupId,
        },
      });
      return 'dead_lettered';
    });
    await deps.deadLetter.publishMany(rejects);
    return outcomes;
  }
}
