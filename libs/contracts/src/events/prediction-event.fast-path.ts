import { normaliseEventTime, MAX_EVENT_TIME_STRING_LENGTH, type EventClock } from '../event-time';
import {
  IDENTIFIER_PATTERN,
  MAX_CLASSES,
  MAX_FEATURE_NAME_LENGTH,
  MAX_FEATURE_STRING_LENGTH,
  MAX_FEATURES,
  MAX_ID_LENGTH,
  MAX_LABEL_LENGTH,
  MIN_FEATURES,
  MODEL_NAME_PATTERN,
  MODEL_VERSION_PATTERN,
} from '../limits';
import type { PredictionEvent, PredictionValue } from './prediction-event.schema';

/**
 * The fields of PredictionEvent in the order zod writes them; the spec checks this list against
 * the schema's shape, so a field added there cannot be silently dropped here.
 */
export const PREDICTION_EVENT_FIELDS = [
  'schemaVersion',
  'eventId',
  'model',
  'modelVersion',
  'timestamp',
  'features',
  'prediction',
  'entityId',
  'segment',
  'latencyMs',
] as const;

type Json = Record<string, unknown>;

/**
 * A hand-written acceptor for the well-formed PredictionEvent, the common case at ingestion
 * rates: zod's generic walk costs several microseconds per event, most of an event's budget.
 * It returns exactly what `createPredictionEventSchema(clock).parse(input)` returns (same
 * fields, same order, unknown fields stripped, the timestamp normalised by the same rule), or
 * `undefined` whenever the input is anything but plainly valid; the caller then runs the zod
 * schema, which produces the result and every error message. So it can only ever be a shortcut
 * to zod's answer, never a second source of reasons. Inputs are JSON values (from JSON.parse).
 */
export function acceptPredictionEvent(input: unknown, clock?: EventClock): PredictionEvent | undefined {
  if (!isPlainObject(input)) return undefined;
  const { schemaVersion, eventId, model, modelVersion, timestamp, features, prediction, entityId, segment, latencyMs } = input;
  if (schemaVersion !== 1 || !isIdentifier(eventId) || typeof model !== 'string' || !MODEL_NAME_PATTERN.test(model)) return undefined;
  if (modelVersion !== undefined && (typeof modelVersion !== 'string' || !MODEL_VERSION_PATTERN.test(modelVersion))) return undefined;
  if (!isEventTimeInput(timestamp)) return undefined;
  const time = normaliseEventTime(timestamp, clock);
  if (!time.ok) return undefined;
  const outFeatures = acceptFeatures(features);
  if (outFeatures === undefined) return undefined;
  const outPrediction = acceptPrediction(prediction);
  if (outPrediction === undefined) return undefined;
  if (entityId !== undefined && !isIdentifier(entityId)) return undefined;
  if (segment !== undefined && !isIdentifier(segment)) return undefined;
  if (latencyMs !== undefined && !(isFiniteNumber(latencyMs) && latencyMs >= 0)) return undefined;
  // A field that is present with the value `undefined` cannot come from JSON; leave it to zod.
  if (('modelVersion' in input && modelVersion === undefined) || ('entityId' in input && entityId === undefined)) return undefined;
  if (('segment' in input && segment === undefined) || ('latencyMs' in input && latencyMs === undefined)) return undefined;

  const event: PredictionEvent = { schemaVersion: 1, eventId, model } as PredictionEvent;
  if (modelVersion !== undefined) event.modelVersion = modelVersion;
  event.timestamp = time.iso;
  event.features = outFeatures;
  event.prediction = outPrediction;
  if (entityId !== undefined) event.entityId = entityId;
  if (segment !== undefined) event.segment = segment;
  if (latencyMs !== undefined) event.latencyMs = latencyMs;
  return event;
}

function acceptFeatures(input: unknown): PredictionEvent['features'] | undefined {
  if (!isPlainObject(input)) return undefined;
  const out: PredictionEvent['features'] = {};
  let count = 0;
  for (const key in input) {
    // `__proto__` is an own key after JSON.parse but zod skips it: not a case for the shortcut.
    if (!Object.prototype.hasOwnProperty.call(input, key) || key === '__proto__') return undefined;
    if (key.length < 1 || key.length > MAX_FEATURE_NAME_LENGTH) return undefined;
    const value = input[key];
    if (value === null || typeof value === 'boolean' || isFiniteNumber(value)) out[key] = value;
    else if (typeof value === 'string' && value.length <= MAX_FEATURE_STRING_LENGTH) out[key] = value;
    else return undefined;
    count++;
  }
  return count >= MIN_FEATURES && count <= MAX_FEATURES ? out : undefined;
}

function acceptPrediction(input: unknown): PredictionValue | undefined {
  if (isLabelValue(input)) return input;
  if (!isPlainObject(input)) return undefined;
  const { label, score, probabilities } = input;
  if (!isLabelValue(label)) return undefined;
  if (score !== undefined && !isFiniteNumber(score)) return undefined;
  if (('score' in input && score === undefined) || ('probabilities' in input && probabilities === undefined)) return undefined;
  const out: PredictionValue = { label };
  if (score !== undefined) out.score = score;
  if (probabilities !== undefined) {
    const outProbabilities = acceptProbabilities(probabilities);
    if (outProbabilities === undefined) return undefined;
    out.probabilities = outProbabilities;
  }
  return out;
}

function acceptProbabilities(input: unknown): Record<string, number> | undefined {
  if (!isPlainObject(input)) return undefined;
  const out: Record<string, number> = {};
  let count = 0;
  for (const key in input) {
    if (!Object.prototype.hasOwnProperty.call(input, key) || key === '__proto__') return undefined;
    if (key.length < 1 || key.length > MAX_LABEL_LENGTH) return undefined;
    const p = input[key];
    if (!isFiniteNumber(p) || p < 0 || p > 1) return undefined;
    out[key] = p;
    count++;
  }
  return count >= 1 && count <= MAX_CLASSES ? out : undefined;
}

/** A string of 1–256 characters, a finite number or a boolean (LabelValueSchema). */
function isLabelValue(value: unknown): value is string | number | boolean {
  if (typeof value === 'string') return value.length >= 1 && value.length <= MAX_LABEL_LENGTH;
  return typeof value === 'boolean' || isFiniteNumber(value);
}

/** What the event-time union lets through to its transform: a short string or a safe integer. */
function isEventTimeInput(value: unknown): value is string | number {
  if (typeof value === 'string') return value.length <= MAX_EVENT_TIME_STRING_LENGTH;
  return Number.isSafeInteger(value);
}

function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && IDENTIFIER_PATTERN.test(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** An object literal (what JSON.parse makes); anything more exotic goes through zod. */
function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
