import { validEvents } from '../__fixtures__/valid-events';
import { parseEvent } from '../parse-event';
import { LabeledPredictionEventSchema } from './labeled-prediction-event.schema';

const valid = () => validEvents().LabeledPredictionEvent;
const parse = (input: unknown) => parseEvent(LabeledPredictionEventSchema, input);

describe('LabeledPredictionEvent', () => {
  it('accepts a prediction joined with its label', () => {
    expect(parse(valid())).toEqual({ ok: true, value: valid() });
  });

  it('requires the label and its time', () => {
    const { label: _l, ...noLabel } = valid();
    expect(parse(noLabel)).toMatchObject({ ok: false, reason: 'label: required' });
    const { labelTimestamp: _t, ...noTime } = valid();
    expect(parse(noTime)).toMatchObject({ ok: false, reason: 'labelTimestamp: required' });
  });

  it('keeps the prediction rules: features must be finite', () => {
    expect(parse({ ...valid(), features: { age: Infinity } })).toMatchObject({
      ok: false,
      reason: 'features.age: expected finite number, received Infinity',
    });
  });

  it('requires labelTimestamp in UTC with Z, as our services write it', () => {
    expect(parse({ ...valid(), labelTimestamp: '2024-05-01T13:59:30+02:00' })).toMatchObject({
      ok: false,
      reason: 'labelTimestamp: expected ISO-8601 date-time',
    });
  });

  it('rejects unknown fields (written only by ingestion)', () => {
    expect(parse({ ...valid(), joinedBy: 'entityId' })).toMatchObject({ ok: false, reason: 'unknown field "joinedBy"' });
  });
});
