import { silentLogger } from '@mlops/observability';
import type { DeadLetterDetails, DeadLetterPublisher, FailedMessage } from '../dead-letter/dead-letter.publisher';
import { PermanentError, RetriableError } from '../errors/pipeline.error';
import type { ConsumedMessage } from './consumed-message';
import { HandlingAborted, handleWithRetry } from './handle-with-retry';

// A recording publisher: this spec checks the retry/dead-letter decision, not Kafka
// (the broker-backed behaviour is in __tests__/batch-consumer.int-spec.ts).
function recordingDeadLetter() {
  const published: { message: FailedMessage; details: DeadLetterDetails }[] = [];
  const publisher: DeadLetterPublisher = {
    topic: 'dlq',
    publish: async (message, details) => {
      published.push({ message, details });
    },
    publishMany: async (failures) => {
      published.push(...failures);
    },
  };
  return { publisher, published };
}

const message: ConsumedMessage = {
  topic: 'predictions.raw',
  partition: 2,
  offset: '41',
  key: Buffer.from('m'),
  value: Buffer.from('{}'),
  headers: {},
  timestamp: '0',
};

const retry = { initialMs: 1, maxMs: 2, factor: 2, maxAttempts: 3 };

function deps(publisher: DeadLetterPublisher, signal = new AbortController().signal) {
  return { deadLetter: publisher, retry, logger: silentLogger, signal, groupId: 'g' };
}

describe('handleWithRetry', () => {
  it('returns handled when the handler succeeds, without dead-lettering', async () => {
    const { publisher, published } = recordingDeadLetter();
    await expect(handleWithRetry(message, async () => undefined, deps(publisher))).resolves.toBe('handled');
    expect(published).toHaveLength(0);
  });

  it('dead-letters a permanent failure at once, with its reason and class', async () => {
    const { publisher, published } = recordingDeadLetter();
    let calls = 0;
    const outcome = await handleWithRetry(
      message,
      async () => {
        calls++;
        throw new PermanentError('features.age: expected number');
      },
      deps(publisher),
    );
    expect(outcome).toBe('dead_lettered');
    expect(calls).toBe(1);
    expect(published[0].details).toEqual({
      reason: 'features.age: expected number',
      errorClass: 'PermanentError',
      consumerGroup: 'g',
      attempts: 1,
    });
  });

  it('treats unknown exceptions as permanent', async () => {
    const { publisher, published } = recordingDeadLetter();
    await handleWithRetry(message, async () => Promise.reject(new TypeError('x is undefined')), deps(publisher));
    expect(published[0].details.errorClass).toBe('TypeError');
  });

  it('retries a retriable failure until it succeeds', async () => {
    const { publisher, published } = recordingDeadLetter();
    let calls = 0;
    const outcome = await handleWithRetry(
      message,
      async () => {
        if (++calls < 3) throw new RetriableError('registry down');
      },
      deps(publisher),
    );
    expect(outcome).toBe('handled');
    expect(calls).toBe(3);
    expect(published).toHaveLength(0);
  });

  it('dead-letters a retriable failure once the attempts are exhausted', async () => {
    const { publisher, published } = recordingDeadLetter();
    let calls = 0;
    await handleWithRetry(
      message,
      async () => {
        calls++;
        throw new RetriableError('registry down');
      },
      deps(publisher),
    );
    expect(calls).toBe(3);
    expect(published[0].details.reason).toBe('retries exhausted after 3 attempts: registry down');
  });

  it('aborts during back-off on shutdown, without dead-lettering', async () => {
    const { publisher, published } = recordingDeadLetter();
    const controller = new AbortController();
    const pending = handleWithRetry(
      message,
      async () => {
        controller.abort();
        throw new RetriableError('down');
      },
      { ...deps(publisher, controller.signal), retry: { ...retry, initialMs: 60000, maxMs: 60000 } },
    );
    await expect(pending).rejects.toBeInstanceOf(HandlingAborted);
    expect(published).toHaveLength(0);
  });

  it('propagates a failed dead-letter send so the offset is not committed', async () => {
    const failing: DeadLetterPublisher = {
      topic: 'dlq',
      publish: async () => {
        throw new Error('broker gone');
      },
      publishMany: async () => {
        throw new Error('broker gone');
      },
    };
    await expect(
      handleWithRetry(message, async () => Promise.reject(new PermanentError('bad')), deps(failing)),
    ).rejects.toThrow('broker gone');
  });
});
