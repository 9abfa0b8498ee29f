import { MODEL_NAME_PATTERN, MODEL_VERSION_PATTERN } from '@mlops/contracts';

/** A label as events carry it (class label or regression target). */
export type LabelValue = string | number | boolean;

/** What drift reads from a PredictionEvent (or the prediction side of a LabeledPredictionEvent). */
export interface MonitoredPrediction {
  model: string;
  modelVersion?: string;
  eventTimeMs: number;
  /** Feature name → value; owned by the caller (decoded from the message), so it may be extended in place. */
  features: Record<string, unknown>;
  /** The class label or the regression value. */
  predicted: LabelValue;
  /** Binary: the score the producer sent with its label. */
  score?: number;
  probabilities?: Record<string, number>;
}

export interface MonitoredLabeledPrediction extends MonitoredPrediction {
  label: LabelValue;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Reads a record of `predictions` (or `predictions.labeled`). Those topics are written by
 * ingestion after full validation against the contracts, so this checks only the fields drift
 * uses, fast (no schema walk): identifiers that become metric labels and keys, the event time,
 * the features map and the prediction. Anything else is rejected with a reason and dead-lettered.
 */
export function readPrediction(bytes: Buffer | null): ReadResult<MonitoredPrediction> {
  const json = parse(bytes);
  if (!json.ok) return json;
  return toPrediction(json.value);
}

export function readLabeledPrediction(bytes: Buffer | null): ReadResult<MonitoredLabeledPrediction> {
  const json = parse(bytes);
  if (!json.ok) return json;
  const prediction = toPrediction(json.value);
  if (!prediction.ok) return prediction;
  const label = json.value['label'];
  if (!isLabel(label)) return { ok: false, reason: 'label: expected a string, finite number or boolean' };
  const value = prediction.value as MonitoredLabeledPrediction;
  value.label = label;
  return { ok: true, value };
}

function parse(bytes: Buffer | null): ReadResult<Record<string, unknown>> {
  if (bytes === null) return { ok: false, reason: 'message value is null' };
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ok: false, reason: 'payload is not valid JSON' };
  }
  if (!isRecord(value)) return { ok: false, reason: 'expected a JSON object' };
  return { ok: true, value };
}

function toPrediction(event: Record<string, unknown>): ReadResult<MonitoredPrediction> {
  const { model, modelVersion, timestamp, features, prediction } = event;
  if (typeof model !== 'string' || !MODEL_NAME_PATTERN.test(model)) return { ok: false, reason: 'model: expected a model name' };
  if (modelVersion !== undefined && (typeof modelVersion !== 'string' || !MODEL_VERSION_PATTERN.test(modelVersion))) {
    return { ok: false, reason: 'modelVersion: expected a model version' };
  }
  const eventTimeMs = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
  if (!Number.isFinite(eventTimeMs)) return { ok: false, reason: 'timestamp: expected an ISO-8601 date-time' };
  if (!isRecord(features)) return { ok: false, reason: 'features: expected an object' };
  // Built field by field (no spreads): this runs once per event on the hot path.
  let value: MonitoredPrediction;
  if (isLabel(prediction)) value = { model, eventTimeMs, features, predicted: prediction };
  else if (isRecord(prediction) && isLabel(prediction['label'])) {
    value = { model, eventTimeMs, features, predicted: prediction['label'] };
    const { score, probabilities } = prediction;
    if (typeof score === 'number' && Number.isFinite(score)) value.score = score;
    if (isRecord(probabilities)) value.probabilities = probabilities as Record<string, number>;
  } else return { ok: false, reason: 'prediction: expected a label, a number or { label, score?, probabilities? }' };
  if (modelVersion !== undefined) value.modelVersion = modelVersion;
  return { ok: true, value };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLabel(value: unknown): value is LabelValue {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}
