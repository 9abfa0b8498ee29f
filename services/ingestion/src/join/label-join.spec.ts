import type { LabelEvent, PredictionEvent } from '@mlops/contracts';
import { LabelJoin } from './label-join';

const prediction = (eventId: string, entityId?: string, model = 'm'): PredictionEvent =>
  ({ schemaVersion: 1, eventId, model, timestamp: '2026-01-01T00:00:00.000Z', features: { x: 1 }, prediction: 1, ...(entityId ? { entityId } : {}) }) as PredictionEvent;
const label = (keys: { eventId?: string; entityId?: string }, value: number | string = 1, model = 'm'): LabelEvent =>
  ({ schemaVersion: 1, model, label: value, timestamp: '2026-01-01T01:00:00.000Z', ...keys }) as LabelEvent;

describe('LabelJoin', () => {
  it('joins a late label to its prediction by eventId', () => {
    const join = new LabelJoin(1000, 100);
    expect(join.addPrediction(prediction('e1'), 0).kind).toBe('pending');
    const result = join.addLabel(label({ eventId: 'e1' }), 10);
    expect(result.kind).toBe('joined');
    expect(join.pendingPredictions).toBe(0);
  });

  it('joins an early label when its prediction arrives', () => {
    const join = new LabelJoin(1000, 100);
    expect(join.addLabel(label({ eventId: 'e1' }, 'yes'), 0).kind).toBe('pending');
    const result = join.addPrediction(prediction('e1'), 5);
    expect(result).toMatchObject({ kind: 'joined', label: { label: 'yes' } });
    expect(join.pendingLabels).toBe(0);
  });

  it('joins by entityId when the label has no eventId, to the entity\'s latest prediction', () => {
    const join = new LabelJoin(1000, 100);
    join.addPrediction(prediction('e1', 'customer-7'), 0);
    join.addPrediction(prediction('e2', 'customer-7'), 1);
    const result = join.addLabel(label({ entityId: 'customer-7' }), 2);
    expect(result).toMatchObject({ kind: 'joined', prediction: { eventId: 'e2' } });
  });

  it('never joins a label naming an eventId to another prediction of the same entity', () => {
    const join = new LabelJoin(1000, 100);
    join.addPrediction(prediction('e1', 'c'), 0);
    expect(join.addLabel(label({ eventId: 'e9', entityId: 'c' }), 1).kind).toBe('pending');
    expect(join.addPrediction(prediction('e9', 'c'), 2).kind).toBe('joined');
  });

  it('does not make a prediction wait again once a label joined it (a write failed and its chunk was undone after a later chunk joined it)', () => {
    const join = new LabelJoin(1000, 100);
    const first = join.addPrediction(prediction('e1'), 0);
    expect(join.addLabel(label({ eventId: 'e1' }), 1).kind).toBe('joined');
    if (first.kind === 'pending') first.undo(); // the prediction's own chunk failed to write
    expect(join.addPrediction(prediction('e1'), 2).kind).toBe('already_joined'); // its retry
    expect(join.pendingPredictions).toBe(0);
    expect(join.expire(10_000).unlabeledPredictions).toBe(0);
  });

  it('keeps models apart', () => {
    const join = new LabelJoin(1000, 100);
    join.addPrediction(prediction('e1', undefined, 'a'), 0);
    expect(join.addLabel(label({ eventId: 'e1' }, 1, 'b'), 1).kind).toBe('pending');
  });

  it('recognises a second label for a joined prediction, and the same label sent twice', () => {
    const join = new LabelJoin(1000, 100);
    join.addPrediction(prediction('e1'), 0);
    join.addLabel(label({ eventId: 'e1' }), 1);
    expect(join.addLabel(label({ eventId: 'e1' }, 0), 2).kind).toBe('duplicate_label');
    join.addLabel(label({ eventId: 'e5' }), 3);
    expect(join.addLabel(label({ eventId: 'e5' }), 4).kind).toBe('duplicate_label');
  });

  it('keeps the first of two labels that arrive for one eventId before its prediction', () => {
    const join = new LabelJoin(1000, 100);
    join.addLabel(label({ eventId: 'e1' }, 'first'), 0);
    expect(join.addLabel(label({ eventId: 'e1' }, 'second'), 1).kind).toBe('duplicate_label');
    expect(join.addPrediction(prediction('e1'), 2)).toMatchObject({ kind: 'joined', label: { label: 'first' } });
  });

  it('never re-joins a redelivered entity label to a later prediction of the entity', () => {
    const join = new LabelJoin(1000, 100);
    join.addPrediction(prediction('e1', 'c'), 0);
    expect(join.addLabel(label({ entityId: 'c' }), 1).kind).toBe('joined');
    expect(join.addLabel(label({ entityId: 'c' }), 2).kind).toBe('duplicate_label');
    expect(join.addPrediction(prediction('e2', 'c'), 3).kind).toBe('pending');
  });

  it('expires what waited past the TTL and counts it', () => {
    const join = new LabelJoin(1000, 100);
    join.addPrediction(prediction('old'), 0);
    join.addLabel(label({ eventId: 'orphan' }), 0);
    join.addPrediction(prediction('fresh'), 900);
    expect(join.expire(1500)).toEqual({ unlabeledPredictions: 1, orphanedLabels: 1 });
    expect(join.pendingPredictions).toBe(1);
    expect(join.addLabel(label({ eventId: 'old' }), 1600).kind).toBe('pending');
  });

  it('bounds memory: beyond capacity the oldest waiting event is evicted and counted', () => {
    const join = new LabelJoin(1e9, 2);
    ['a', 'b', 'c'].forEach((id, i) => join.addPrediction(prediction(id), i));
    expect(join.pendingPredictions).toBe(2);
    expect(join.expire(3)).toEqual({ unlabeledPredictions: 1, orphanedLabels: 0 });
  });

  it('undo restores the state before a join', () => {
    const join = new LabelJoin(1000, 100);
    join.addPrediction(prediction('e1'), 0);
    const result = join.addLabel(label({ eventId: 'e1' }), 1);
    if (result.kind !== 'joined') throw new Error('expected a join');
    result.undo();
    expect(join.pendingPredictions).toBe(1);
    expect(join.isJoined('m', 'e1')).toBe(false);
    expect(join.addLabel(label({ eventId: 'e1' }), 2).kind).toBe('joined');
  });

  it('undo removes a waiting event', () => {
    const join = new LabelJoin(1000, 100);
    const result = join.addLabel(label({ entityId: 'c' }), 0);
    if (result.kind !== 'pending') throw new Error('expected pending');
    result.undo();
    expect(join.pendingLabels).toBe(0);
    expect(join.addPrediction(prediction('e1', 'c'), 1).kind).toBe('pending');
  });
});
