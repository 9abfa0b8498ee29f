import type { BatchItemOutcome } from '@mlops/kafka';
import type { InvalidEventError } from '../errors/invalid-event.error';
import { Topic } from '@mlops/contracts';

/** A message to produce once the chunk that caused it is accepted. */
export interface OutputRecord {
  topic: Topic;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** What one chunk produced, besides per-message outcomes: for the metrics. */
export interface ChunkCounts {
  accepted: number;
  duplicate: number;
  joined: number;
  duplicateLabels: number;
  /** Seconds from prediction time to label time, one per join. */
  labelDelaysSeconds: number[];
  deadLettered: Map<string, number>;
}

export function emptyCounts(): ChunkCounts {
  return { accepted: 0, duplicate: 0, joined: 0, duplicateLabels: 0, labelDelaysSeconds: [], deadLettered: new Map() };
}

/** Records a message as dead-lettered: its outcome carries the reason, `reasonKey` labels the metric. */
export function rejectMessage(outcomes: BatchItemOutcome[], counts: ChunkCounts, reasonKey: string, error: InvalidEventError): void {
  outcomes.push({ status: 'rejected', error });
  counts.deadLettered.set(reasonKey, (counts.deadLettered.get(reasonKey) ?? 0) + 1);
}
