import { MAX_FEATURE_STRING_LENGTH, MAX_FEATURES } from '../limits';
import { NOW_MS, fixedClock, validEvents } from '../__fixtures__/valid-events';
import { parseEvent } from '../parse-event';
import { PredictionEventSchema, createPredictionEventSchema, parsePredictionEvent } from './prediction-event.schema';

const valid = () => validEvents().PredictionEvent;
const reasonFor = (input: Record<string, unknown>) => {
  const result = parsePredictionEvent(input, fixedClock);
  if (result.ok) throw new Error('expected the event to be rejected');
  return result.reason;
};
const manyFeatures = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, i]));

describe('PredictionEvent', () => {
  it('accepts a complete event and normalises the timestamp to UTC', () => {
    const result = parsePredictionEvent({ ...valid(), timestamp: '2024-05-01T13:59:00+02:00' }, fixedClock);
    expect(result).toEqual({ ok: true, value: { ...valid(), timestamp: '2024-05-01T11:59:00.000Z' } });
  });

  it('accepts the minimal event: no modelVersion, entityId, segment or latency', () => {
    const { modelVersion: _v, entityId: _e, segment: _s, latencyMs: _l, ...minimal } = valid();
    expect(parsePredictionEvent({ ...minimal, prediction: 0.7 }, fixedClock).ok).toBe(true);
  });

  it('accepts epoch milliseconds and converts them to ISO', () => {
    const result = parsePredictionEvent({ ...valid(), timestamp: NOW_MS - 1000 }, fixedClock);
    expect(result.ok && result.value.timestamp).toBe('2024-05-01T11:59:59.000Z');
  });

  it.each([
    ['a number', 12.5],
    ['a string label', 'approve'],
    ['a boolean label', false],
    ['a label with a score', { label: 1, score: 0.4 }],
  ])('accepts a prediction that is %s', (_name, prediction) => {
    expect(parsePredictionEvent({ ...valid(), prediction }, fixedClock).ok).toBe(true);
  });

  describe('required fields', () => {
    it.each(['schemaVersion', 'eventId', 'model', 'timestamp', 'features', 'prediction'])('rejects a missing %s', (field) => {
      const input = valid();
      delete input[field];
      expect(reasonFor(input)).toBe(`${field}: required`);
    });
  });

  describe('wrong types', () => {
    it('names the field and both types', () => {
      expect(reasonFor({ ...valid(), eventId: 42 })).toBe('eventId: expected string, received number');
    });

    it('rejects null for an optional field (omit it instead)', () => {
      expect(reasonFor({ ...valid(), modelVersion: null })).toBe('modelVersion: expected string, received null');
    });

    it('rejects a nested object as a feature value', () => {
      expect(reasonFor({ ...valid(), features: { age: { years: 4 } } })).toBe(
        'features.age: expected number | string | boolean | null, received object',
      );
    });

    it('rejects an array as the prediction', () => {
      expect(reasonFor({ ...valid(), prediction: [1, 2] })).toMatch(/^prediction: expected .*received array$/);
    });

    it('rejects another schemaVersion', () => {
      expect(reasonFor({ ...valid(), schemaVersion: 2 })).toBe('schemaVersion: expected 1');
    });
  });

  describe('non-finite numbers', () => {
    it.each([
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
    ])('rejects %s as a feature value', (name, value) => {
      expect(reasonFor({ ...valid(), features: { age: value } })).toBe(`features.age: expected finite number, received ${name}`);
    });

    it('rejects NaN as the prediction, as a score and as latency', () => {
      expect(reasonFor({ ...valid(), prediction: NaN })).toBe('prediction: expected finite number, received NaN');
      expect(reasonFor({ ...valid(), prediction: { label: 'a', score: Infinity } })).toBe(
        'prediction.score: expected finite number, received Infinity',
      );
      expect(reasonFor({ ...valid(), latencyMs: NaN })).toBe('latencyMs: expected finite number, received NaN');
    });
  });

  describe('feature map limits', () => {
    it('rejects an empty map', () => {
      expect(reasonFor({ ...valid(), features: {} })).toBe('features: must have at least 1 feature');
    });

    it(`accepts exactly ${MAX_FEATURES} features and rejects one more`, () => {
      expect(parsePredictionEvent({ ...valid(), features: manyFeatures(MAX_FEATURES) }, fixedClock).ok).toBe(true);
      expect(reasonFor({ ...valid(), features: manyFeatures(MAX_FEATURES + 1) })).toBe(
        `features: must have at most ${MAX_FEATURES} features`,
      );
    });

    it('rejects a feature name over 128 characters', () => {
      expect(reasonFor({ ...valid(), features: { ['n'.repeat(129)]: 1 } })).toMatch(
        /^features\.n+…: invalid key: must have at most 128 characters$/,
      );
    });

    it(`rejects a string value over ${MAX_FEATURE_STRING_LENGTH} characters`, () => {
      const long = 'x'.repeat(MAX_FEATURE_STRING_LENGTH + 1);
      expect(reasonFor({ ...valid(), features: { note: long } })).toBe(
        `features.note: must have at most ${MAX_FEATURE_STRING_LENGTH} characters`,
      );
    });
  });

  describe('timestamps', () => {
    it('rejects an unparsable string', () => {
      expect(reasonFor({ ...valid(), timestamp: 'yesterday' })).toBe(
        'timestamp: expected ISO-8601 date-time with offset (Z or ±hh:mm) or epoch milliseconds',
      );
    });

    it('rejects an impossible calendar date', () => {
      expect(reasonFor({ ...valid(), timestamp: '2023-02-29T00:00:00Z' })).toMatch(/^timestamp: expected ISO-8601/);
    });

    it('rejects a local time without offset, which is ambiguous', () => {
      expect(reasonFor({ ...valid(), timestamp: '2024-05-01T11:00:00' })).toMatch(/^timestamp: expected ISO-8601/);
    });

    it('rejects epoch seconds mistaken for milliseconds', () => {
      expect(reasonFor({ ...valid(), timestamp: Math.floor(NOW_MS / 1000) })).toBe(
        'timestamp: before 2000-01-01 (epoch seconds instead of milliseconds?)',
      );
    });

    it('accepts up to 5 minutes in the future and rejects beyond', () => {
      const fiveMinutes = 5 * 60 * 1000;
      expect(parsePredictionEvent({ ...valid(), timestamp: NOW_MS + fiveMinutes }, fixedClock).ok).toBe(true);
      expect(reasonFor({ ...valid(), timestamp: NOW_MS + fiveMinutes + 1 })).toBe('timestamp: more than 5 minutes in the future');
      expect(reasonFor({ ...valid(), timestamp: '2024-05-01T12:05:00.001Z' })).toBe('timestamp: more than 5 minutes in the future');
    });

    it('judges the future against the injected clock, not the system clock', () => {
      const farFuture = { ...valid(), timestamp: '2999-01-01T00:00:00Z' };
      expect(parsePredictionEvent(farFuture, { now: () => Date.UTC(2999, 0, 1) }).ok).toBe(true);
      expect(parsePredictionEvent(farFuture, fixedClock).ok).toBe(false);
    });

    it('skips the future check in the clockless schema used to re-read validated topics', () => {
      expect(parseEvent(PredictionEventSchema, { ...valid(), timestamp: '2999-01-01T00:00:00Z' }).ok).toBe(true);
      expect(parseEvent(createPredictionEventSchema(fixedClock), { ...valid(), timestamp: '2999-01-01T00:00:00Z' }).ok).toBe(false);
    });
  });

  describe('identifiers and names', () => {
    it.each([
      ['path traversal', '../etc/passwd'],
      ['a leading dot', '.hidden'],
      ['a slash', 'a/b'],
      ['an empty name', ''],
      ['129 characters', 'x'.repeat(129)],
    ])('rejects a model name with %s', (_why, model) => {
      expect(reasonFor({ ...valid(), model })).toMatch(/^model: must match/);
    });

    it('rejects an eventId over 128 characters or with whitespace', () => {
      expect(reasonFor({ ...valid(), eventId: 'e'.repeat(129) })).toBe('eventId: must have at most 128 characters');
      expect(reasonFor({ ...valid(), eventId: 'a b' })).toMatch(/^eventId: must match/);
    });

    it('rejects probabilities outside [0, 1]', () => {
      expect(reasonFor({ ...valid(), prediction: { label: 'a', probabilities: { a: 1.5 } } })).toBe(
        'prediction.probabilities.a: must be <= 1',
      );
    });
  });

  describe('unknown fields (policy: strip, external producers)', () => {
    it('drops unknown top-level fields instead of rejecting the event', () => {
      const result = parsePredictionEvent({ ...valid(), traceId: 'abc', extra: { nested: true } }, fixedClock);
      expect(result.ok).toBe(true);
      expect(result.ok && Object.keys(result.value)).not.toEqual(expect.arrayContaining(['traceId']));
      expect(result.ok && 'extra' in result.value).toBe(false);
    });

    it('still validates the known fields next to unknown ones', () => {
      expect(reasonFor({ ...valid(), extra: 1, features: {} })).toBe('features: must have at least 1 feature');
    });
  });
});
