import type { ProducerBatch } from 'kafkajs';
import { labels, predictions, run, scenario, START } from '../__test-support__/scenario-builder';
import type { PlaybackClock } from './playback-clock';
import { playToKafka } from './play-to-kafka';

/** A clock that only moves when playback sleeps, so pacing is exact and instant. */
function fakeClock(): PlaybackClock & { sleeps: number[] } {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

function recordingProducer(clock?: PlaybackClock) {
  const sends: { at: number; batch: ProducerBatch }[] = [];
  return {
    sends,
    sendBatch: async (batch: ProducerBatch) => {
      sends.push({ at: clock?.now() ?? 0, batch });
      return [];
    },
  };
}

const messagesOf = (batch: ProducerBatch) => (batch.topicMessages ?? []).flatMap((t) => t.messages.map(() => t.topic));

const records = run(scenario({ labels: { delay: { events: 3 }, neverShare: 0.1 } }), { limit: 400, rate: 100 });

describe('playToKafka', () => {
  it('sends every record, at most batchSize per request, and counts per topic', async () => {
    const producer = recordingProducer();
    const result = await playToKafka(records, { producer, target: 'raw', batchSize: 64 });
    const sizes = producer.sends.map((s) => messagesOf(s.batch).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(records.length);
    expect(result).toMatchObject({
      predictions: 400,
      labels: labels(records).length,
      byTopic: { 'predictions.raw': 400, 'labels.raw': labels(records).length },
      sends: producer.sends.length,
      aborted: false,
    });
  });

  it('puts both topics in one request', async () => {
    const producer = recordingProducer();
    await playToKafka(records, { producer, target: 'inference', topicPrefix: 'p.', batchSize: 1000 });
    expect(producer.sends).toHaveLength(1);
    expect(producer.sends[0].batch.topicMessages?.map((t) => t.topic)).toEqual(['p.inference.requests', 'p.labels.raw']);
  });

  it('paces to event time: nothing is sent before it is due, nothing waits longer than the linger', async () => {
    const clock = fakeClock();
    const producer = recordingProducer(clock);
    const result = await playToKafka(records, {
      producer,
      target: 'raw',
      batchSize: 1000,
      lingerMs: 50,
      pace: { streamStartMs: START, clock },
    });
    const wallStart = 1_000_000;
    let sent = 0;
    for (const { at, batch } of producer.sends) {
      const batchRecords = records.slice(sent, sent + messagesOf(batch).length);
      sent += batchRecords.length;
      const due = batchRecords.map((r) => wallStart + Date.parse(r.event.timestamp) - START);
      expect(Math.max(...due)).toBeLessThanOrEqual(at);
      expect(at - Math.min(...due)).toBeLessThanOrEqual(50);
    }
    // 400 predictions at 100/s span 3.99 s of event time, plus the tail of labels.
    expect(result.durationMs).toBeGreaterThanOrEqual(3990);
    expect(producer.sends.length).toBeGreaterThan(60);
  });

  it('stops on abort, sends the batch in hand and says so', async () => {
    const stop = new AbortController();
    const producer = recordingProducer();
    const result = await playToKafka(records, {
      producer,
      target: 'raw',
      batchSize: 10,
      signal: stop.signal,
      onProgress: (p) => {
        if (p.predictions >= 50) stop.abort();
      },
    });
    expect(result.aborted).toBe(true);
    expect(result.predictions + result.labels).toBe(producer.sends.reduce((n, s) => n + messagesOf(s.batch).length, 0));
    expect(result.predictions).toBeLessThan(predictions(records).length);
  });

  it('lets a failed send reject playback, without counting it', async () => {
    const progress: number[] = [];
    const failing = { sendBatch: async () => Promise.reject(new Error('broker gone')) };
    await expect(playToKafka(records, { producer: failing, target: 'raw', batchSize: 10, onProgress: (p) => progress.push(p.sends) })).rejects.toThrow(
      'broker gone',
    );
    expect(progress).toEqual([]);
  });
});
