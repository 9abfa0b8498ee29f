import { validEvents } from './__fixtures__/valid-events';
import { PredictionEventSchema } from './events/prediction-event.schema';
import { MAX_MESSAGE_BYTES } from './limits';
import { decodeEvent } from './parse-event';

const validJson = () => JSON.stringify(validEvents().PredictionEvent);

describe('decodeEvent', () => {
  it('decodes a Buffer, a Uint8Array and a string', () => {
    const expected = { ok: true, value: { ...validEvents().PredictionEvent, timestamp: '2024-05-01T11:59:00.000Z' } };
    expect(decodeEvent(PredictionEventSchema, Buffer.from(validJson()))).toEqual(expected);
    expect(decodeEvent(PredictionEventSchema, new TextEncoder().encode(validJson()))).toEqual(expected);
    expect(decodeEvent(PredictionEventSchema, validJson())).toEqual(expected);
  });

  it('tolerates a UTF-8 byte-order mark', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(validJson())]);
    expect(decodeEvent(PredictionEventSchema, withBom).ok).toBe(true);
  });

  it.each([null, undefined])('fails a %s value (tombstone) with code null_value', (value) => {
    expect(decodeEvent(PredictionEventSchema, value)).toEqual({ ok: false, code: 'null_value', reason: 'message value is null', issues: [] });
  });

  it('fails bytes that are not UTF-8 with code invalid_utf8', () => {
    const bytes = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    expect(decodeEvent(PredictionEventSchema, bytes)).toMatchObject({ ok: false, code: 'invalid_utf8', reason: 'payload is not valid UTF-8' });
  });

  it('fails text that is not JSON without quoting the payload', () => {
    const result = decodeEvent(PredictionEventSchema, '{"eventId": secret-value');
    expect(result).toEqual({ ok: false, code: 'invalid_json', reason: 'payload is not valid JSON', issues: [] });
  });

  it('fails an oversized payload before parsing it', () => {
    const big = Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x20);
    expect(decodeEvent(PredictionEventSchema, big)).toMatchObject({
      ok: false,
      code: 'too_large',
      reason: `payload of ${MAX_MESSAGE_BYTES + 1} bytes exceeds the limit of ${MAX_MESSAGE_BYTES}`,
    });
    expect(decodeEvent(PredictionEventSchema, validJson(), { maxBytes: 10 })).toMatchObject({ ok: false, code: 'too_large' });
  });

  it('counts string payloads in UTF-8 bytes, not characters', () => {
    const text = 'é'.repeat(6); // 6 characters, 12 bytes
    expect(decodeEvent(PredictionEventSchema, text, { maxBytes: 11 })).toMatchObject({ code: 'too_large' });
  });

  it('fails a schema violation with a reason naming the path, and lists every issue', () => {
    const event = { ...validEvents().PredictionEvent, features: { age: 'x'.repeat(2000) }, model: '../x' };
    const result = decodeEvent(PredictionEventSchema, JSON.stringify(event));
    expect(result).toEqual({
      ok: false,
      code: 'schema_violation',
      reason: expect.stringMatching(/^model: must match .* \(and 1 more issue\)$/),
      issues: [
        { path: 'model', message: expect.stringMatching(/^must match/) },
        { path: 'features.age', message: 'must have at most 1024 characters' },
      ],
    });
  });

  it('fails JSON that is not an object', () => {
    expect(decodeEvent(PredictionEventSchema, '[1]')).toMatchObject({ code: 'schema_violation', reason: 'expected object, received array' });
    expect(decodeEvent(PredictionEventSchema, 'null')).toMatchObject({ code: 'schema_violation', reason: 'expected object, received null' });
  });
});
