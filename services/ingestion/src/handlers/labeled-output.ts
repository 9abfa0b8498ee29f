import {
  LABELED_PREDICTION_EVENT_SCHEMA_VERSION,
  LABELED_PREDICTION_EVENT_TYPE,
  LabeledPredictionEvent,
  LabelEvent,
  PredictionEvent,
  toCloudEventHeaders,
  Topic,
} from '@mlops/contracts';
import type { OutputRecord } from './output-record';

export const INGESTION_SOURCE = '/mlops/ingestion';

/** The `predictions.labeled` record for a join, keyed by model like `predictions`. */
export function labeledOutput(prediction: PredictionEvent, label: LabelEvent, now: Date): OutputRecord {
  const event: LabeledPredictionEvent = {
    ...prediction,
    schemaVersion: LABELED_PREDICTION_EVENT_SCHEMA_VERSION,
    label: label.label,
    labelTimestamp: label.timestamp,
  };
  return {
    topic: Topic.PredictionsLabeled,
    key: prediction.model,
    value: JSON.stringify(event),
    headers: toCloudEventHeaders(
      { id: `${prediction.eventId}:labeled`, type: LABELED_PREDICTION_EVENT_TYPE, source: INGESTION_SOURCE, subject: prediction.model },
      { now: () => now },
    ),
  };
}

export function labelDelaySeconds(prediction: PredictionEvent, label: LabelEvent): number {
  return (Date.parse(label.timestamp) - Date.parse(prediction.timestamp)) / 1000;
}
