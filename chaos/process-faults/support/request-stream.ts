import { playToKafka, simulate, systemPlaybackClock, type PlaybackResult, type Scenario } from '@mlops/simulation';
import type { Producer, ProducerBatch } from 'kafkajs';
import { AcceptedLedger } from './accepted-ledger';

/** Longer than any outage a spec makes: past it the broker is not coming back. */
const GIVE_UP_AFTER_MS = 120_000;

export interface RequestStream {
  readonly ledger: AcceptedLedger;
  /** Inference requests acknowledged so far. */
  sent(): number;
  /** Produce requests that failed and were sent again (a broker outage shows up here). */
  resends(): number;
  /** Ends playback after the batch in hand; resolves when the broker has it. */
  stop(): Promise<PlaybackResult>;
  readonly done: Promise<PlaybackResult>;
}

/**
 * Plays a scenario in real time as a client fleet would: inference requests and, as they fall
 * due, labels. A send that fails (the broker is down) is retried until it succeeds, so playback
 * pauses through an outage and catches up after it; what the broker acknowledged is recorded in
 * the ledger, the spec's measure of "accepted".
 */
export function startRequestStream(args: {
  producer: Producer;
  scenario: Scenario;
  prefix: string;
  rate: number;
  runId: string;
  limit?: number;
  ledger?: AcceptedLedger;
}): RequestStream {
  const ledger = args.ledger ?? new AcceptedLedger(args.prefix);
  const abort = new AbortController();
  let resends = 0;
  const retryingSender = {
    async sendBatch(batch: ProducerBatch) {
      const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await args.producer.sendBatch(batch);
          ledger.record(batch);
          return result;
        } catch (error) {
          if (Date.now() > giveUpAt) throw error;
          resends++;
          await new Promise((r) => setTimeout(r, Math.min(2000, 100 * attempt)));
        }
      }
    },
  };
  const start = Date.now();
  let sent = 0;
  const done = playToKafka(simulate(args.scenario, { start, rate: args.rate, runId: args.runId, limit: args.limit }), {
    producer: retryingSender,
    target: 'inference',
    topicPrefix: args.prefix,
    batchSize: 200,
    pace: { streamStartMs: start, clock: systemPlaybackClock },
    signal: abort.signal,
    onProgress: (p) => (sent = p.predictions),
  });
  return {
    ledger,
    sent: () => sent,
    resends: () => resends,
    done,
    stop: () => {
      abort.abort();
      return done;
    },
  };
}
