import { validEvents } from '../__fixtures__/valid-events';
import { parseEvent } from '../parse-event';
import { DeadLetterEnvelopeSchema } from './dead-letter-envelope.schema';

const valid = () => validEvents().DeadLetterEnvelope;
const parse = (input: unknown) => parseEvent(DeadLetterEnvelopeSchema, input);

describe('DeadLetterEnvelope', () => {
  it('accepts an envelope and keeps the original bytes decodable', () => {
    const result = parse(valid());
    expect(result.ok).toBe(true);
    expect(result.ok && Buffer.from(result.value.value!, 'base64').toString()).toBe('{"eventId":1}');
  });

  it('accepts a null original value (a tombstone was dead-lettered)', () => {
    expect(parse({ ...valid(), value: null, key: null }).ok).toBe(true);
  });

  it.each(['reason', 'errorClass', 'sourceTopic', 'sourcePartition', 'sourceOffset', 'failedAt', 'attempts', 'value', 'key'])(
    'rejects a missing %s',
    (field) => {
      const input = valid();
      delete input[field];
      expect(parse(input)).toMatchObject({ ok: false, reason: `${field}: required` });
    },
  );

  it('rejects a value that is not base64, an illegal topic and a numeric offset', () => {
    expect(parse({ ...valid(), value: 'not base64!' })).toMatchObject({ reason: 'value: expected base64' });
    expect(parse({ ...valid(), sourceTopic: 'bad topic' })).toMatchObject({ reason: expect.stringMatching(/^sourceTopic: must match/) });
    expect(parse({ ...valid(), sourceOffset: 12345 })).toMatchObject({ reason: 'sourceOffset: expected string, received number' });
  });

  it('rejects unknown fields', () => {
    expect(parse({ ...valid(), stack: 'Error: ...' })).toMatchObject({ ok: false, reason: 'unknown field "stack"' });
  });
});
