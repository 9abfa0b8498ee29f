import { NOW_MS, fixedClock, validEvents } from '../__fixtures__/valid-events';
import { parseEvent } from '../parse-event';
import { InferenceRequestSchema, createInferenceRequestSchema } from './inference-request.schema';

const valid = () => validEvents().InferenceRequest;
const parse = (input: unknown) => parseEvent(createInferenceRequestSchema(fixedClock), input);

describe('InferenceRequest', () => {
  it('accepts a request without timestamp or version', () => {
    expect(parse(valid())).toEqual({ ok: true, value: valid() });
  });

  it('normalises an optional epoch-ms timestamp and rejects one from the future', () => {
    expect(parse({ ...valid(), timestamp: NOW_MS })).toMatchObject({ ok: true, value: { timestamp: '2024-05-01T12:00:00.000Z' } });
    expect(parse({ ...valid(), timestamp: NOW_MS + 10 * 60 * 1000 })).toMatchObject({
      ok: false,
      reason: 'timestamp: more than 5 minutes in the future',
    });
  });

  it('rejects missing requestId, empty features and NaN features', () => {
    const { requestId: _r, ...noId } = valid();
    expect(parse(noId)).toMatchObject({ ok: false, reason: 'requestId: required' });
    expect(parse({ ...valid(), features: {} })).toMatchObject({ ok: false, reason: 'features: must have at least 1 feature' });
    expect(parse({ ...valid(), features: { x: NaN } })).toMatchObject({ ok: false, reason: 'features.x: expected finite number, received NaN' });
  });

  it('strips unknown fields (sent by clients)', () => {
    expect(parseEvent(InferenceRequestSchema, { ...valid(), replyTo: 'x' })).toEqual({ ok: true, value: valid() });
  });
});
