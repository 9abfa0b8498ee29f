import { Topic, topicName } from '@mlops/contracts';
import type { ProducerBatch } from 'kafkajs';

/**
 * What the broker acknowledged from the spec's producer: every inference request (its id is the
 * prediction's eventId; its timestamp the prediction's event time) and every label. Keyed by id,
 * so a batch resent after an unclear failure is recorded once — the pipeline must dedupe it too.
 */
export class AcceptedLedger {
  /** requestId → event time (epoch ms). */
  readonly predictions = new Map<string, number>();
  /** eventIds of the predictions whose label was sent. */
  readonly labels = new Set<string>();

  constructor(private readonly prefix: string) {}

  record(batch: ProducerBatch): void {
    for (const { topic, messages } of batch.topicMessages ?? []) {
      for (const { value } of messages) {
        const event = JSON.parse(String(value)) as { requestId?: string; eventId?: string; timestamp?: string | number };
        if (topic === topicName(Topic.InferenceRequests, this.prefix)) this.predictions.set(event.requestId!, new Date(event.timestamp!).getTime());
        else if (topic === topicName(Topic.LabelsRaw, this.prefix)) this.labels.add(event.eventId!);
      }
    }
  }

  lastEventTime(): number {
    let last = 0;
    for (const time of this.predictions.values()) last = Math.max(last, time);
    return last;
  }

  /** Accepted predictions per window start, for events before `beforeMs`. */
  perWindow(windowStartOf: (timeMs: number) => number, beforeMs: number): Map<number, number> {
    const counts = new Map<number, number>();
    for (const time of this.predictions.values()) {
      if (time >= beforeMs) continue;
      const start = windowStartOf(time);
      counts.set(start, (counts.get(start) ?? 0) + 1);
    }
    return counts;
  }
}
