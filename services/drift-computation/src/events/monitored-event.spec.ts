import { readLabeledPrediction, readPrediction } from './monitored-event';

const bytes = (v: unknown) => Buffer.from(JSON.stringify(v));
const event = {
  schemaVersion: 1,
  eventId: 'e-1',
  model: 'loan',
  modelVersion: '3',
  timestamp: '2026-11-27T10:00:00.000Z',
  features: { age: 41, car: 'suv' },
  prediction: { label: 'approve', score: 0.8, probabilities: { approve: 0.8, reject: 0.2 } },
};

describe('readPrediction', () => {
  it('reads the fields drift uses', () => {
    const read = readPrediction(bytes(event));
    expect(read).toEqual({
      ok: true,
      value: {
        model: 'loan',
        modelVersion: '3',
        eventTimeMs: Date.parse(event.timestamp),
        features: { age: 41, car: 'suv' },
        predicted: 'approve',
        score: 0.8,
        probabilities: { approve: 0.8, reject: 0.2 },
      },
    });
  });

  it('accepts a bare label or regression value', () => {
    const read = readPrediction(bytes({ ...event, modelVersion: undefined, prediction: 12.5 }));
    expect(read.ok && read.value.predicted).toBe(12.5);
    expect(read.ok && 'modelVersion' in read.value).toBe(false);
  });

  it.each([
    [null, 'message value is null'],
    [Buffer.from('nope'), 'payload is not valid JSON'],
    [bytes([1]), 'expected a JSON object'],
    [bytes({ ...event, model: '../x' }), 'model: expected a model name'],
    [bytes({ ...event, modelVersion: 'a b' }), 'modelVersion: expected a model version'],
    [bytes({ ...event, timestamp: 'yesterday' }), 'timestamp: expected an ISO-8601 date-time'],
    [bytes({ ...event, features: [] }), 'features: expected an object'],
    [bytes({ ...event, prediction: { score: 1 } }), 'prediction: expected a label, a number or { label, score?, probabilities? }'],
  ])('rejects bad input with a reason (%#)', (value, reason) => {
    expect(readPrediction(value)).toEqual({ ok: false, reason });
  });
});

describe('readLabeledPrediction', () => {
  it('adds the label', () => {
    const read = readLabeledPrediction(bytes({ ...event, label: 'reject', labelTimestamp: '2026-11-28T00:00:00.000Z' }));
    expect(read.ok && read.value.label).toBe('reject');
    expect(readLabeledPrediction(bytes(event))).toEqual({ ok: false, reason: 'label: expected a string, finite number or boolean' });
  });
});
