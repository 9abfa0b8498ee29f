import { LabeledPredictionEventSchema, PredictionEventSchema, Topic } from '@mlops/contracts';
import type { ConsumedMessage } from '@mlops/kafka';
import { IngestionState } from '../state/ingestion-state';
import { processLabelChunk } from './labels-raw.processor';
import { processPredictionChunk } from './predictions-raw.processor';

const now = new Date('2026-03-01T12:00:00.000Z');
let offset = 0;
const message = (value: unknown, topic = 'predictions.raw'): ConsumedMessage => ({
  topic,
  partition: 0,
  offset: String(offset++),
  key: null,
  value: value === null ? null : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  headers: {},
  timestamp: String(now.getTime()),
});
const prediction = (eventId: string, extra: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  eventId,
  model: 'loan',
  timestamp: '2026-03-01T11:00:00+01:00',
  features: { age: 41, car: 'sedan' },
  prediction: { label: 'approve', score: 0.8 },
  ...extra,
});
const label = (keys: Record<string, string>, value: unknown = 'approve') => ({
  schemaVersion: 1,
  model: 'loan',
  label: value,
  timestamp: '2026-03-01T11:30:00Z',
  ...keys,
});
const state = () => new IngestionState({ dedupeHorizonMs: 3600_000, joinTtlMs: 3600_000, maxPending: 100 });

describe('processPredictionChunk', () => {
  it('accepts valid events (normalised, keyed by model), rejects invalid ones with a reason, drops repeats', () => {
    const s = state();
    const result = processPredictionChunk(
      [
        message(prediction('e1')),
        message('{not json'),
        message(prediction('e2', { features: { age: 'NaN' as unknown as number, car: {} } })),
        message(prediction('e1')),
        message(null),
        message(prediction('e3')),
      ],
      s,
      now,
    );
    expect(result.outcomes.map((o) => o.status)).toEqual(['handled', 'rejected', 'rejected', 'handled', 'rejected', 'handled']);
    const reasons = result.outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.error as Error).message] : []));
    expect(reasons[0]).toMatch(/JSON/i);
    expect(reasons[1]).toMatch(/^features\.car/);
    expect(result.outputs.map((o) => [o.topic, o.key, JSON.parse(o.value).eventId])).toEqual([
      [Topic.Predictions, 'loan', 'e1'],
      [Topic.Predictions, 'loan', 'e3'],
    ]);
    const out = PredictionEventSchema.parse(JSON.parse(result.outputs[0].value));
    expect(out.timestamp).toBe('2026-03-01T10:00:00.000Z');
    expect(result.outputs[0].headers).toMatchObject({ ce_id: 'e1', ce_type: 'io.mlops.prediction.v1', ce_source: '/mlops/ingestion' });
    expect(result.counts).toMatchObject({ accepted: 2, duplicate: 1 });
    expect(Object.fromEntries(result.counts.deadLettered)).toEqual({ invalid_json: 1, schema_violation: 1, null_value: 1 });
  });

  it('joins a prediction with the label that arrived first', () => {
    const s = state();
    const early = processLabelChunk([message(label({ eventId: 'e1' }, 'reject'), 'labels.raw')], s, now);
    expect(early.outputs).toEqual([]);
    const result = processPredictionChunk([message(prediction('e1'))], s, now);
    expect(result.outputs.map((o) => o.topic)).toEqual([Topic.Predictions, Topic.PredictionsLabeled]);
    const labeled = LabeledPredictionEventSchema.parse(JSON.parse(result.outputs[1].value));
    expect(labeled).toMatchObject({ eventId: 'e1', label: 'reject', labelTimestamp: '2026-03-01T11:30:00.000Z' });
    expect(result.counts.labelDelaysSeconds).toEqual([5400]); // 10:00Z (11:00+01:00) to 11:30Z
  });

  it('undo makes a failed chunk look new again', () => {
    const s = state();
    processLabelChunk([message(label({ eventId: 'e1' }), 'labels.raw')], s, now);
    const first = processPredictionChunk([message(prediction('e1'))], s, now);
    first.undo();
    const retry = processPredictionChunk([message(prediction('e1'))], s, now);
    expect(retry.outputs.map((o) => o.topic)).toEqual([Topic.Predictions, Topic.PredictionsLabeled]);
  });
});

describe('processPredictionChunk with a deployed feature schema', () => {
  const schemas = (model: string) =>
    model === 'loan'
      ? { version: '4', features: [{ name: 'age', type: 'numerical' as const }, { name: 'car', type: 'categorical' as const }] }
      : undefined;

  it('normalises numeric strings for numerical features and rejects records that do not fit, naming the feature', () => {
    const result = processPredictionChunk(
      [
        message(prediction('s1', { features: { age: '41', car: 'sedan' } })),
        message(prediction('s2', { features: { age: 41, car: 'sedan', color: 'red' } })),
        message(prediction('s3', { features: { age: 41 } })),
        message(prediction('s4', { model: 'other', features: { anything: 'goes' } })),
      ],
      state(),
      now,
      schemas,
    );
    expect(result.outcomes.map((o) => o.status)).toEqual(['handled', 'rejected', 'rejected', 'handled']);
    expect(JSON.parse(result.outputs[0].value).features).toEqual({ age: 41, car: 'sedan' });
    const reasons = result.outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.error as Error).message] : []));
    expect(reasons).toEqual([
      'features.color: not a feature of model loan version 4',
      'features.car: missing (model loan version 4 expects it; send null for an unknown value)',
    ]);
    expect(Object.fromEntries(result.counts.deadLettered)).toEqual({ feature_schema: 2 });
  });
});

describe('processLabelChunk', () => {
  it('joins late labels, counts repeats, keeps orphans waiting, rejects invalid labels', () => {
    const s = state();
    processPredictionChunk([message(prediction('e1')), message(prediction('e2', { entityId: 'c-9' }))], s, now);
    const result = processLabelChunk(
      [
        message(label({ eventId: 'e1' }), 'labels.raw'),
        message(label({ eventId: 'e1' }, 'reject'), 'labels.raw'),
        message(label({ entityId: 'c-9' }), 'labels.raw'),
        message(label({ eventId: 'never-seen' }), 'labels.raw'),
        message({ model: 'loan', label: 1, timestamp: '2026-03-01T11:30:00Z', schemaVersion: 1 }, 'labels.raw'),
        message(label({ eventId: 'x' }, { nested: true }), 'labels.raw'),
      ],
      s,
      now,
    );
    expect(result.outcomes.map((o) => o.status)).toEqual(['handled', 'handled', 'handled', 'handled', 'rejected', 'rejected']);
    expect(result.outputs.map((o) => JSON.parse(o.value).eventId)).toEqual(['e1', 'e2']);
    expect(result.counts).toMatchObject({ joined: 2, duplicateLabels: 1, accepted: 3 });
    expect(s.join.pendingLabels).toBe(1);
  });

  it('rejects a label from the future', () => {
    const result = processLabelChunk([message(label({ eventId: 'e' }), 'labels.raw')], state(), new Date('2026-03-01T11:00:00Z'));
    expect(result.outcomes[0].status).toBe('rejected');
  });
});
