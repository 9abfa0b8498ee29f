import { NOW_MS, fixedClock, validEvents } from '../__fixtures__/valid-events';
import { decodeEvent } from '../parse-event';
import { acceptPredictionEvent, PREDICTION_EVENT_FIELDS } from './prediction-event.fast-path';
import { createPredictionEventDecoder, createPredictionEventSchema, PredictionEventSchema } from './prediction-event.schema';

const schema = createPredictionEventSchema(fixedClock);
const valid = () => validEvents().PredictionEvent;

/** Values worth trying in every field: right and wrong types, bounds, and JSON oddities. */
const probes: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  NOW_MS,
  NOW_MS + 10 * 60_000,
  946684799999,
  2 ** 53,
  '',
  ' ',
  'x',
  'approve',
  'a b',
  '.hidden',
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(128),
  'x'.repeat(129),
  'x'.repeat(256),
  'x'.repeat(257),
  'x'.repeat(1024),
  'x'.repeat(1025),
  '2024-05-01T11:59:00Z',
  '2024-05-01T13:59:00.123+02:00',
  '2024-05-01T11:59:00',
  '2024-02-30T00:00:00Z',
  '1999-12-31T23:59:59Z',
  '2024-05-01T12:10:00Z',
  [],
  ['a'],
  {},
  { label: 'approve' },
  { label: 'approve', score: 0.2, extra: 1 },
  { label: '', score: 0.2 },
  { label: 1, probabilities: { a: 0.5, b: 0.5 } },
  { label: 1, probabilities: { a: 1.5 } },
  { label: 1, probabilities: {} },
  { label: true, score: 'high' },
  { a: 1 },
  { a: 'x', b: null, c: false },
  { a: { nested: 1 } },
  { '': 1 },
  { ['k'.repeat(129)]: 1 },
  { 2: 'two', 1: 'one', b: 3 },
  Object.fromEntries(Array.from({ length: 513 }, (_, i) => [`f${i}`, i])),
  JSON.parse('{"__proto__": {"a": 1}, "b": 2}'),
  Object.create(null),
];

/** zod's own answer: the reference the shortcut must reproduce whenever it answers. */
function reference(input: unknown) {
  const parsed = schema.safeParse(input);
  return parsed.success ? parsed.data : undefined;
}

function expectAgreement(input: unknown) {
  const fast = acceptPredictionEvent(input, fixedClock);
  if (fast === undefined) return false;
  const expected = reference(input);
  expect(expected).toBeDefined();
  expect(fast).toEqual(expected);
  // Same field order too: the JSON written to `predictions` must be byte-identical.
  expect(JSON.stringify(fast)).toBe(JSON.stringify(expected));
  return true;
}

describe('acceptPredictionEvent', () => {
  it('knows every field of the schema, in the schema order', () => {
    expect(Object.keys(PredictionEventSchema.shape)).toEqual([...PREDICTION_EVENT_FIELDS]);
  });

  it('accepts the complete and the minimal well-formed event exactly as zod outputs them', () => {
    expect(expectAgreement(valid())).toBe(true);
    const { modelVersion: _v, entityId: _e, segment: _s, latencyMs: _l, ...minimal } = valid();
    expect(expectAgreement({ ...minimal, prediction: 0.7 })).toBe(true);
    expect(expectAgreement({ ...valid(), timestamp: NOW_MS - 1000, unknownField: { a: 1 } })).toBe(true);
  });

  it.each([...PREDICTION_EVENT_FIELDS])('agrees with zod for every probe value of %s', (field) => {
    let answered = 0;
    for (const probe of probes) {
      const input = { ...valid() };
      if (probe === undefined) delete input[field];
      else input[field] = probe;
      if (expectAgreement(input)) answered++;
      // Whenever zod rejects, the shortcut must have stepped aside.
      if (reference(input) === undefined) expect(acceptPredictionEvent(input, fixedClock)).toBeUndefined();
    }
    expect(answered).toBeGreaterThan(0);
  });

  it('agrees with zod for probe values inside features and prediction objects', () => {
    for (const probe of probes) {
      for (const input of [
        { ...valid(), features: { age: 42, probe } },
        { ...valid(), prediction: { label: 'approve', score: probe } },
        { ...valid(), prediction: { label: probe, score: 0.1 } },
        { ...valid(), prediction: { label: 'a', probabilities: { a: probe } } },
      ]) {
        expectAgreement(input);
        if (reference(input) === undefined) expect(acceptPredictionEvent(input, fixedClock)).toBeUndefined();
      }
    }
  });

  it('steps aside for what it does not handle itself, leaving the answer to zod', () => {
    expect(acceptPredictionEvent({ ...valid(), modelVersion: undefined }, fixedClock)).toBeUndefined();
    expect(acceptPredictionEvent(Object.assign(Object.create(null), valid()), fixedClock)).toBeUndefined();
    expect(acceptPredictionEvent([valid()], fixedClock)).toBeUndefined();
  });

  it('applies the clock: an event more than 5 minutes ahead is left to zod, which rejects it', () => {
    const future = { ...valid(), timestamp: NOW_MS + 6 * 60_000 };
    expect(acceptPredictionEvent(future, fixedClock)).toBeUndefined();
    expect(acceptPredictionEvent(future)).toBeDefined();
  });
});

describe('createPredictionEventDecoder', () => {
  it('decodes bytes to the same results as decodeEvent with the schema, valid or not', () => {
    let nowMs = NOW_MS;
    const decode = createPredictionEventDecoder({ now: () => nowMs });
    const inputs = [
      JSON.stringify(valid()),
      JSON.stringify({ ...valid(), timestamp: '2024-05-01T12:04:00Z' }),
      JSON.stringify({ ...valid(), features: {} }),
      '{not json',
      '\ufeff' + JSON.stringify(valid()),
    ];
    for (const text of inputs) {
      expect(decode(Buffer.from(text))).toEqual(decodeEvent(schema, Buffer.from(text)));
    }
    expect(decode(null)).toEqual(decodeEvent(schema, null));
    // The clock is read per decode: moving it back turns the same bytes into a rejection.
    nowMs = NOW_MS - 60 * 60_000;
    const later = decode(Buffer.from(inputs[1]));
    expect(later.ok).toBe(false);
    expect(!later.ok && later.reason).toBe('timestamp: more than 5 minutes in the future');
  });

  it('without a clock, decodes like PredictionEventSchema: no future-time check', () => {
    const decode = createPredictionEventDecoder();
    for (const event of [valid(), { ...valid(), timestamp: NOW_MS + 24 * 3600_000 }, { ...valid(), timestamp: 'soon' }]) {
      const bytes = Buffer.from(JSON.stringify(event));
      expect(decode(bytes)).toEqual(decodeEvent(PredictionEventSchema, bytes));
    }
    expect(decode(Buffer.from(JSON.stringify({ ...valid(), timestamp: NOW_MS + 24 * 3600_000 }))).ok).toBe(true);
  });
});
