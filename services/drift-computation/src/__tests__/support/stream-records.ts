import { LABELED_PREDICTION_EVENT_SCHEMA_VERSION, LabeledPredictionEvent, PredictionEvent } from '@mlops/contracts';
import type { Scenario, SimulationRecord } from '@mlops/simulation';
import { simulate } from '@mlops/simulation';

export interface OutRecord {
  key: string;
  value: string;
}

/** A simulated stream as ingestion would have written it: `predictions` and, as labels arrive, `predictions.labeled`. */
export interface IngestedStream {
  predictions: OutRecord[];
  labeled: OutRecord[];
  /** In emission order, for producing the two topics interleaved. */
  ordered: { topic: 'predictions' | 'labeled'; record: OutRecord; eventTimeMs: number }[];
  events: PredictionEvent[];
}

export function ingestedStream(scenario: Scenario, options: { start: number; rate: number; seed: number; runId: string; limit?: number; model?: string }): IngestedStream {
  const byIndex = new Map<number, PredictionEvent>();
  const out: IngestedStream = { predictions: [], labeled: [], ordered: [], events: [] };
  for (const record of simulate(scenario, options) as Iterable<SimulationRecord>) {
    if (record.kind === 'prediction') {
      byIndex.set(record.index, record.event);
      out.events.push(record.event);
      const r = { key: record.event.entityId ?? record.event.eventId, value: JSON.stringify(record.event) };
      out.predictions.push(r);
      out.ordered.push({ topic: 'predictions', record: r, eventTimeMs: Date.parse(record.event.timestamp) });
    } else {
      const prediction = byIndex.get(record.index);
      if (!prediction) continue;
      byIndex.delete(record.index);
      const labeled: LabeledPredictionEvent = { ...prediction, schemaVersion: LABELED_PREDICTION_EVENT_SCHEMA_VERSION, label: record.event.label, labelTimestamp: new Date(record.event.timestamp).toISOString() };
      const r = { key: prediction.entityId ?? prediction.eventId, value: JSON.stringify(labeled) };
      out.labeled.push(r);
      out.ordered.push({ topic: 'labeled', record: r, eventTimeMs: Date.parse(prediction.timestamp) });
    }
  }
  return out;
}
