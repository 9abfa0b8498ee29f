import { validEvents } from '../__fixtures__/valid-events';
import { parseEvent } from '../parse-event';
import { RetrainRequestSchema } from './retrain-request.schema';

const valid = () => validEvents().RetrainRequest;
const parse = (input: unknown) => parseEvent(RetrainRequestSchema, input);

describe('RetrainRequest', () => {
  it('accepts a drift-triggered request', () => {
    expect(parse(valid())).toEqual({ ok: true, value: valid() });
  });

  it('accepts a scheduled request with no report and no detail', () => {
    const { reportRef: _r, detail: _d, ...scheduled } = valid();
    expect(parse({ ...scheduled, reason: 'schedule' }).ok).toBe(true);
  });

  it.each(['requestId', 'model', 'reason', 'dataWindow', 'requestedAt'])('rejects a missing %s', (field) => {
    const input = valid();
    delete input[field];
    expect(parse(input)).toMatchObject({ ok: false, reason: `${field}: required` });
  });

  it('rejects a reason outside the closed set (it labels a metric)', () => {
    expect(parse({ ...valid(), reason: 'because' })).toMatchObject({
      reason: 'reason: expected "data_drift" | "prediction_drift" | "concept_drift" | "schedule" | "manual"',
    });
  });

  it('rejects an empty or reversed data window and a non-UTC time', () => {
    const at = '2024-05-01T12:00:00.000Z';
    expect(parse({ ...valid(), dataWindow: { from: at, to: at } })).toMatchObject({ reason: 'dataWindow.to: from must be before to' });
    expect(parse({ ...valid(), requestedAt: '2024-05-01T14:00:00+02:00' })).toMatchObject({
      reason: 'requestedAt: expected ISO-8601 date-time',
    });
  });

  it('rejects unknown fields (control plane)', () => {
    expect(parse({ ...valid(), priority: 'high' })).toMatchObject({ ok: false, reason: 'unknown field "priority"' });
  });
});
