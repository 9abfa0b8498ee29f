import { PREDICTION_EVENT_TYPE, PredictionEvent, toCloudEventHeaders } from '@mlops/contracts';
import type { FeatureRecord, TabularPrediction } from '@mlops/model';

export const INFERENCE_SOURCE = '/mlops/inference';

/** The PredictionEvent for one served request: monitored exactly like an external producer's. */
export function predictionEvent(args: {
  eventId: string;
  model: string;
  version: string;
  features: FeatureRecord;
  prediction: TabularPrediction;
  timestamp: string;
  latencyMs: number;
  entityId?: string;
  segment?: string;
}): PredictionEvent {
  const prediction =
    typeof args.prediction === 'number'
      ? args.prediction
      : { label: args.prediction.label, score: args.prediction.score, probabilities: { ...args.prediction.probabilities } };
  return {
    schemaVersion: 1,
    eventId: args.eventId,
    model: args.model,
    modelVersion: args.version,
    timestamp: args.timestamp,
    features: { ...args.features },
    prediction,
    latencyMs: args.latencyMs,
    ...(args.entityId ? { entityId: args.entityId } : {}),
    ...(args.segment ? { segment: args.segment } : {}),
  } as PredictionEvent;
}

/** The `predictions.raw` record: keyed by entityId (else eventId), CloudEvents headers, ce_id = eventId. */
export function predictionRecord(event: PredictionEvent, now: Date) {
  return {
    key: event.entityId ?? event.eventId,
    value: JSON.stringify(event),
    headers: toCloudEventHeaders(
      { id: event.eventId, type: PREDICTION_EVENT_TYPE, source: INFERENCE_SOURCE, subject: event.model, time: event.timestamp },
      { now: () => now },
    ),
  };
}
