import { silentLogger } from '@mlops/observability';
import type { DeadLetterDetails, DeadLetterPublisher, FailedMessage } from '../dead-letter/dead-letter.publisher';
import { PermanentError, RetriableError } from '../errors/pipeline.error';
import type { BatchItemOutcome, ConsumedMessage } from './consumed-message';
import { handleChunkWithRetry } from './handle-chunk-with-retry';

// Checks the chunk retry/dead-letter decisions; the broker-backed path is in __tests__/.
function recording() {
  const published: { message: FailedMessage; details: DeadLetterDetails }[] = [];
  const sends: number[] = [];
  const publisher: DeadLetterPublisher = {
    topic: 'dlq',
    publish: async (message, details) => {
      published.push({ message, details });
      sends.push(1);
    },
    publishMany: async (failures) => {
      published.push(...failures);
      if (failures.length > 0) sends.push(failures.length);
    },
  };
  return { publisher, published, sends };
}

const chunk: ConsumedMessage[] = [0, 1, 2, 3].map((i) => ({
  topic: 't',
  partition: 0,
  offset: String(i),
  key: null,
  value: Buffer.from(String(i)),
  headers: {},
  timestamp: '0',
}));
const deps = (publisher: DeadLetterPublisher) => ({
  deadLetter: publisher,
  retry: { initialMs: 1, maxMs: 2, factor: 2, maxAttempts: 3 },
  logger: silentLogger,
  signal: new AbortController().signal,
  groupId: 'g',
});

describe('handleChunkWithRetry', () => {
  it('dead-letters the rejected messages of a chunk in one send and reports each outcome', async () => {
    const { publisher, published, sends } = recording();
    const outcomes = await handleChunkWithRetry(
      chunk,
      async (messages) =>
        messages.map((m): BatchItemOutcome => (Number(m.offset) % 2 ? { status: 'rejected', error: new PermanentError(`odd ${m.offset}`) } : { status: 'handled' })),
      deps(publisher),
    );
    expect(outcomes).toEqual(['handled', 'dead_lettered', 'handled', 'dead_lettered']);
    expect(published.map((p) => [p.message.offset, p.details.reason])).toEqual([
      ['1', 'odd 1'],
      ['3', 'odd 3'],
    ]);
    expect(sends).toEqual([2]);
  });

  it('retries a chunk after a retriable throw', async () => {
    const { publisher, published } = recording();
    let calls = 0;
    const outcomes = await handleChunkWithRetry(
      chunk,
      async (messages) => {
        if (++calls < 3) throw new RetriableError('output topic unavailable');
        return messages.map(() => ({ status: 'handled' as const }));
      },
      deps(publisher),
    );
    expect(calls).toBe(3);
    expect(outcomes).toEqual(['handled', 'handled', 'handled', 'handled']);
    expect(published).toHaveLength(0);
  });

  it('dead-letters the whole chunk when retries run out', async () => {
    const { publisher, published } = recording();
    const outcomes = await handleChunkWithRetry(chunk, async () => Promise.reject(new RetriableError('down')), deps(publisher));
    expect(outcomes).toEqual(['dead_lettered', 'dead_lettered', 'dead_lettered', 'dead_lettered']);
    expect(published[0].details).toMatchObject({ reason: 'retries exhausted after 3 attempts: down', attempts: 3 });
  });

  it('refuses a handler that returns the wrong number of outcomes', async () => {
    const { publisher } = recording();
    await expect(handleChunkWithRetry(chunk, async () => [{ status: 'handled' }], deps(publisher))).rejects.toThrow(
      'batch handler returned 1 outcomes for 4 messages',
    );
  });
});
