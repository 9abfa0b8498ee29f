import type { Message } from 'kafkajs';
import { loanExamples } from '@mlops/testing';

/**
 * Valid traffic for the model `loan` (features age, salary, car), keyed as producers should:
 * predictions and labels by eventId, inference requests by requestId.
 */
export function goodPredictions(ids: string[], seed: number, extra: (i: number) => Record<string, unknown> = () => ({})): Message[] {
  const rows = loanExamples(ids.length, seed);
  const timestamp = new Date(Date.now() - 60_000).toISOString();
  return ids.map((eventId, i) => ({
    key: eventId,
    value: JSON.stringify({
      schemaVersion: 1,
      eventId,
      model: 'loan',
      timestamp,
      features: { ...rows[i].features, ...extra(i) },
      prediction: { label: 'approve', score: 0.7 },
    }),
  }));
}

export function goodLabels(eventIds: string[]): Message[] {
  const timestamp = new Date().toISOString();
  return eventIds.map((eventId, i) => ({
    key: eventId,
    value: JSON.stringify({ schemaVersion: 1, eventId, model: 'loan', label: i % 3 === 0 ? 'reject' : 'approve', timestamp }),
  }));
}

export function goodRequests(requestIds: string[], seed: number): Message[] {
  const rows = loanExamples(requestIds.length, seed);
  return requestIds.map((requestId, i) => ({
    key: requestId,
    value: JSON.stringify({ schemaVersion: 1, requestId, model: 'loan', features: rows[i].features }),
  }));
}

/** `prefix-0` … `prefix-(n-1)`. */
export function ids(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
}
