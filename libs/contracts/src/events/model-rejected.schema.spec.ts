import { validEvents } from '../__fixtures__/valid-events';
import { parseEvent } from '../parse-event';
import { ModelRejectedSchema } from './model-rejected.schema';

const valid = () => validEvents().ModelRejected;
const parse = (input: unknown) => parseEvent(ModelRejectedSchema, input);

describe('ModelRejected', () => {
  it('accepts a rejection with and without version and detail', () => {
    expect(parse(valid())).toEqual({ ok: true, value: valid() });
    const { version: _v, detail: _d, ...bare } = valid();
    expect(parse({ ...bare, reason: 'insufficient_data' }).ok).toBe(true);
  });

  it.each(['model', 'requestId', 'reason', 'rejectedAt'])('rejects a missing %s', (field) => {
    const input = valid();
    delete input[field];
    expect(parse(input)).toMatchObject({ ok: false, reason: `${field}: required` });
  });

  it('rejects a reason outside the closed set and an over-long detail', () => {
    expect(parse({ ...valid(), reason: 'bad' })).toMatchObject({ reason: expect.stringMatching(/^reason: expected "insufficient_data"/) });
    expect(parse({ ...valid(), detail: 'd'.repeat(1001) })).toMatchObject({ reason: 'detail: must have at most 1000 characters' });
  });

  it('rejects unknown fields (control plane)', () => {
    expect(parse({ ...valid(), metrics: {} })).toMatchObject({ ok: false, reason: 'unknown field "metrics"' });
  });
});
