import { Topic } from '@mlops/contracts';
import { MAX_FEATURE_STRING_LENGTH, MAX_FEATURES, MAX_LABEL_LENGTH, MAX_MESSAGE_BYTES } from '@mlops/contracts';

/**
 * Bad messages for the three topics that outsiders write to, one generator per kind of fault.
 * Every message has a unique key (`bad-<topic>-<n>`) so that its dead-letter copy, which keeps
 * key and value byte for byte, can be matched to it; `reason` is what the `dlq_reason` header
 * must say about it. The model `loan` has a deployed version with the features age and salary
 * (numbers) and car (a category), so the feature-schema kinds are bad only against that schema.
 */
export interface PoisonMessage {
  topic: Topic;
  kind: string;
  key: string;
  value: Buffer | null;
  reason: RegExp;
}

export type PoisonKind = { kind: string; reason: RegExp; value: (n: number) => Buffer | null };

const json = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8');
const recent = () => new Date(Date.now() - 60_000).toISOString();
const features = { age: 41, salary: 72_000, car: 'sedan' };
const prediction = (n: number, patch: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  eventId: `poison-${n}`,
  model: 'loan',
  timestamp: recent(),
  features,
  prediction: { label: 'approve', score: 0.8 },
  ...patch,
});
const label = (n: number, patch: Record<string, unknown> = {}) => ({ schemaVersion: 1, eventId: `poison-${n}`, model: 'loan', label: 'approve', timestamp: recent(), ...patch });
const request = (n: number, patch: Record<string, unknown> = {}) => ({ schemaVersion: 1, requestId: `poison-req-${n}`, model: 'loan', features, ...patch });

/** Faults of the bytes themselves, the same for every topic. */
function encodingKinds(valid: (n: number) => object): PoisonKind[] {
  return [
    { kind: 'truncated-json', reason: /not valid JSON/, value: (n) => json(valid(n)).subarray(0, 25) },
    { kind: 'not-json', reason: /not valid JSON/, value: (n) => Buffer.from(`hello ${n}, this is not an event`) },
    { kind: 'empty', reason: /not valid JSON/, value: () => Buffer.alloc(0) },
    { kind: 'tombstone', reason: /null/, value: () => null },
    // 0xff never occurs in UTF-8.
    { kind: 'binary', reason: /not valid UTF-8/, value: (n) => Buffer.from([0xff, 0xfe, 0x00, n & 0xff, 0x80, 0xc3]) },
    { kind: 'latin1', reason: /not valid UTF-8/, value: (n) => Buffer.from(JSON.stringify({ ...valid(n), note: 'café crème' }), 'latin1') },
    { kind: 'utf16', reason: /not valid UTF-8/, value: (n) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(valid(n)), 'utf16le')]) },
    { kind: 'json-array', reason: /expected object|received array/i, value: (n) => json([valid(n)]) },
    { kind: 'json-number', reason: /expected object|received number/i, value: (n) => json(n) },
  ];
}

/** More features than the contracts allow (512): a hostile producer must not blow up cardinality. */
function tooManyFeatures(): Record<string, number> {
  return Object.fromEntries(Array.from({ length: MAX_FEATURES + 1 }, (_, i) => [`f${i}`, i]));
}

export const PREDICTION_POISON: PoisonKind[] = [
  ...encodingKinds(prediction),
  { kind: 'missing-event-id', reason: /eventId/, value: (n) => json({ ...prediction(n), eventId: undefined }) },
  { kind: 'event-id-whitespace', reason: /eventId/, value: (n) => json(prediction(n, { eventId: `poison ${n}\n` })) },
  { kind: 'bad-timestamp', reason: /timestamp/, value: (n) => json(prediction(n, { timestamp: 'yesterday' })) },
  { kind: 'future-timestamp', reason: /timestamp/, value: (n) => json(prediction(n, { timestamp: new Date(Date.now() + 86_400_000).toISOString() })) },
  { kind: 'epoch-seconds', reason: /timestamp/, value: (n) => json(prediction(n, { timestamp: Math.floor(Date.now() / 1000) })) },
  { kind: 'schema-version', reason: /schemaVersion/, value: (n) => json(prediction(n, { schemaVersion: 2 })) },
  { kind: 'traversal-model', reason: /model/, value: (n) => json(prediction(n, { model: '../../etc/passwd' })) },
  { kind: 'no-features', reason: /features/, value: (n) => json(prediction(n, { features: {} })) },
  { kind: 'too-many-features', reason: /features/, value: (n) => json(prediction(n, { features: tooManyFeatures() })) },
  { kind: 'long-string', reason: /features\.car/, value: (n) => json(prediction(n, { features: { ...features, car: 'x'.repeat(MAX_FEATURE_STRING_LENGTH + 1) } })) },
  { kind: 'nested-feature', reason: /features\.age/, value: (n) => json(prediction(n, { features: { ...features, age: { $gt: 1 } } })) },
  // JSON.parse turns 1e999 into Infinity: a number, but not a finite one.
  { kind: 'infinite-feature', reason: /features\.salary/, value: (n) => Buffer.from(JSON.stringify(prediction(n)).replace('"salary":72000', '"salary":1e999')) },
  { kind: 'no-prediction', reason: /prediction/, value: (n) => json({ ...prediction(n), prediction: undefined }) },
  // Against the deployed version's feature schema.
  { kind: 'wrong-type', reason: /features\.age: expected a number/, value: (n) => json(prediction(n, { features: { ...features, age: 'forty-one' } })) },
  { kind: 'extra-feature', reason: /features\.color: not a feature/, value: (n) => json(prediction(n, { features: { ...features, color: 'red' } })) },
  { kind: 'missing-feature', reason: /features\.car: missing/, value: (n) => json(prediction(n, { features: { age: 41, salary: 72_000 } })) },
];

export const LABEL_POISON: PoisonKind[] = [
  ...encodingKinds(label),
  { kind: 'no-join-key', reason: /eventId or entityId/, value: (n) => json({ ...label(n), eventId: undefined }) },
  { kind: 'missing-model', reason: /model/, value: (n) => json({ ...label(n), model: undefined }) },
  { kind: 'long-label', reason: /label/, value: (n) => json(label(n, { label: 'y'.repeat(MAX_LABEL_LENGTH + 1) })) },
  { kind: 'object-label', reason: /label/, value: (n) => json(label(n, { label: { approve: true } })) },
  { kind: 'bad-timestamp', reason: /timestamp/, value: (n) => json(label(n, { timestamp: 'soon' })) },
];

export const REQUEST_POISON: PoisonKind[] = [
  ...encodingKinds(request),
  { kind: 'missing-request-id', reason: /requestId/, value: (n) => json({ ...request(n), requestId: undefined }) },
  { kind: 'traversal-model', reason: /model/, value: (n) => json(request(n, { model: '..\\..\\windows' })) },
  { kind: 'too-many-features', reason: /features/, value: (n) => json(request(n, { features: tooManyFeatures() })) },
  { kind: 'long-string', reason: /features\.car/, value: (n) => json(request(n, { features: { ...features, car: 'z'.repeat(MAX_FEATURE_STRING_LENGTH + 1) } })) },
  // Against the served version's feature schema.
  { kind: 'wrong-type', reason: /"age" must be/, value: (n) => json(request(n, { features: { ...features, age: 'forty-one' } })) },
  { kind: 'extra-feature', reason: /"color" is not in the model/, value: (n) => json(request(n, { features: { ...features, color: 'red' } })) },
  { kind: 'missing-feature', reason: /"car" is absent/, value: (n) => json(request(n, { features: { age: 41, salary: 72_000 } })) },
  { kind: 'unserved-version', reason: /version 999 is not served/, value: (n) => json(request(n, { modelVersion: '999' })) },
];

/** A message above MAX_MESSAGE_BYTES that is otherwise a valid event: only its size is wrong. */
export function oversized(valid: object): Buffer {
  const padding = 'p'.repeat(MAX_MESSAGE_BYTES + 64 * 1024);
  return json({ ...valid, padding });
}

export const OVERSIZED_REASON = /exceeds the limit of 1048576/;

/**
 * `count` bad messages for `topic`, cycling through `kinds` so each kind is well represented,
 * plus `oversizedCount` oversized ones (kind `oversized`).
 */
export function poisonFor(topic: Topic, kinds: PoisonKind[], count: number, oversizedCount: number): PoisonMessage[] {
  const tag = topic.replace(/\W+/g, '-');
  const messages: PoisonMessage[] = [];
  for (let n = 0; n < count - oversizedCount; n++) {
    const kind = kinds[n % kinds.length];
    messages.push({ topic, kind: kind.kind, key: `bad-${tag}-${n}`, value: kind.value(n), reason: kind.reason });
  }
  for (let n = count - oversizedCount; n < count; n++) {
    const valid = topic === Topic.InferenceRequests ? request(n) : topic === Topic.LabelsRaw ? label(n) : prediction(n);
    messages.push({ topic, kind: 'oversized', key: `bad-${tag}-${n}`, value: oversized(valid), reason: OVERSIZED_REASON });
  }
  return messages;
}
