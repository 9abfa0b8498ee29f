import { NOW_MS, fixedClock, validEvents } from '../__fixtures__/valid-events';
import { parseEvent } from '../parse-event';
import { LabelEventSchema, parseLabelEvent } from './label-event.schema';

const valid = () => validEvents().LabelEvent;
const reasonFor = (input: Record<string, unknown>) => {
  const result = parseLabelEvent(input, fixedClock);
  if (result.ok) throw new Error('expected the event to be rejected');
  return result.reason;
};

describe('LabelEvent', () => {
  it('accepts a label joined by eventId', () => {
    expect(parseLabelEvent(valid(), fixedClock)).toEqual({ ok: true, value: valid() });
  });

  it('accepts a label joined by entityId only', () => {
    const { eventId: _e, ...byEntity } = valid();
    expect(parseLabelEvent({ ...byEntity, entityId: 'customer-17' }, fixedClock).ok).toBe(true);
  });

  it('rejects a label with neither eventId nor entityId', () => {
    const { eventId: _e, ...neither } = valid();
    expect(reasonFor(neither)).toBe('eventId or entityId is required');
  });

  it.each(['schemaVersion', 'model', 'label', 'timestamp'])('rejects a missing %s', (field) => {
    const input = valid();
    delete input[field];
    expect(reasonFor(input)).toBe(`${field}: required`);
  });

  it.each([
    ['a number', 1],
    ['a boolean', true],
    ['a string', 'fraud'],
  ])('accepts a label that is %s', (_name, label) => {
    expect(parseLabelEvent({ ...valid(), label }, fixedClock).ok).toBe(true);
  });

  it('rejects NaN, Infinity, an empty string and an object as label', () => {
    expect(reasonFor({ ...valid(), label: NaN })).toBe('label: expected finite number, received NaN');
    expect(reasonFor({ ...valid(), label: -Infinity })).toBe('label: expected finite number, received -Infinity');
    expect(reasonFor({ ...valid(), label: '' })).toBe('label: must not be empty');
    expect(reasonFor({ ...valid(), label: { value: 1 } })).toBe('label: expected string | number | boolean, received object');
  });

  it('rejects timestamps that are unparsable or more than 5 minutes ahead', () => {
    expect(reasonFor({ ...valid(), timestamp: 'soon' })).toMatch(/^timestamp: expected ISO-8601/);
    expect(reasonFor({ ...valid(), timestamp: NOW_MS + 6 * 60 * 1000 })).toBe('timestamp: more than 5 minutes in the future');
  });

  it('normalises an offset timestamp to UTC', () => {
    const result = parseLabelEvent({ ...valid(), timestamp: '2024-05-01T07:00:00-05:00' }, fixedClock);
    expect(result.ok && result.value.timestamp).toBe('2024-05-01T12:00:00.000Z');
  });

  it('strips unknown top-level fields (external producers)', () => {
    const result = parseEvent(LabelEventSchema, { ...valid(), source: 'crm' });
    expect(result).toEqual({ ok: true, value: valid() });
  });
});
