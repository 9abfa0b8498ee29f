import { ReferenceProfile, WindowProfile } from '@mlops/drift-stats';
import { toBaseline } from '../baselines/baseline';
import { readLabeledPrediction, readPrediction } from '../events/monitored-event';
import { DEFAULT_RETRAIN_POLICY, RetrainPolicies } from '../policy/retrain-policy';
import { sourceWindowing } from '../windows/windowing';
import { applyLabeled, applyPredictions, Resolution } from './apply-events';
import type { LabeledWindow } from './labeled-window';
import { SourcePartition } from './source-partition';

const reference = ReferenceProfile.fromRows(
  Array.from({ length: 200 }, (_, i) => ({ age: 20 + (i % 50), car: ['suv', 'sedan'][i % 2], __prediction__: i % 3 ? 'approve' : 'reject', __score__: (i % 10) / 10, __label__: 'approve' })),
  [
    { name: 'age', type: 'numerical' },
    { name: 'car', type: 'categorical' },
    { name: '__prediction__', type: 'categorical', role: 'prediction' },
    { name: '__score__', type: 'numerical', role: 'prediction' },
    { name: '__label__', type: 'categorical', role: 'label' },
  ],
);
const baseline = toBaseline('loan', '2', reference.toJSON(), { accuracy: 0.9 });
const window = sourceWindowing({ kind: 'time', sizeMs: 60_000, latenessMs: 0 }, 1);
const t0 = Date.UTC(2026, 10, 1);
const event = (i: number, extra: Record<string, unknown> = {}) =>
  Buffer.from(JSON.stringify({ model: 'loan', timestamp: new Date(t0 + i * 1000).toISOString(), features: { age: 30 + i, car: 'suv' }, prediction: { label: 'approve', score: 0.7, probabilities: { approve: 0.7, reject: 0.3 } }, ...extra }));
const records = (values: Buffer[], first = 0) => values.map((value, i) => ({ offset: BigInt(first + i), recordTimeMs: t0, read: readPrediction(value) }));
const ctx = (resolve: (model: string, version?: string) => Resolution = () => ({ baseline })) => ({
  resolve,
  policies: new RetrainPolicies({ ...DEFAULT_RETRAIN_POLICY, positiveLabel: 'approve' }),
  sampleSize: 64,
  errorCapacity: 100,
  nowMs: 0,
});

describe('applyPredictions', () => {
  it('profiles features, prediction and score into the window, once per offset', () => {
    const state = new SourcePartition<WindowProfile>(0, window);
    const batch = records([event(0), event(1), event(2)]);
    expect(applyPredictions(state, batch, ctx())).toMatchObject({ accepted: 3, late: 0, unmonitored: 0 });
    expect(applyPredictions(state, batch, ctx())).toMatchObject({ accepted: 0 }); // redelivered: skipped
    applyPredictions(state, records([event(100)], 3), ctx()); // watermark moves past window 0
    const cells = state.due([])[0].cells;
    expect(cells.map((c) => [c.index, c.rows, c.acc.rows])).toEqual([[Math.floor(t0 / 60_000), 3, 3]]);
    expect(cells[0].acc.feature('__score__').summary().count).toBe(3);
    expect(cells[0].acc.feature('__prediction__').summary().count).toBe(3);
  });

  it('counts late, unmonitored and invalid events, and still moves past them', () => {
    const state = new SourcePartition<WindowProfile>(0, window);
    const noVersion = (model: string): Resolution => (model === 'loan' ? { baseline } : { unmonitored: 'no_version' });
    const counts = applyPredictions(state, records([event(100), event(0), event(1, { model: 'other' }), Buffer.from('{')]), ctx(noVersion));
    expect(counts.accepted).toBe(1);
    expect(counts.late).toBe(1);
    expect(counts.unmonitored).toBe(1);
    expect([...counts.rejected]).toEqual([[3, 'payload is not valid JSON']]);
    expect(state.nextOffset).toBe(4n);
  });
});

describe('applyLabeled', () => {
  it('measures performance in the window of the prediction time, with the positive class probability, and keeps the errors in arrival order', () => {
    const state = new SourcePartition<LabeledWindow>(0, window);
    const labeled = [0, 1, 2, 3].map((i) => ({
      offset: BigInt(i),
      recordTimeMs: t0,
      read: readLabeledPrediction(Buffer.from(event(i).toString().replace(/}$/, `,"label":"${i === 3 ? 'reject' : 'approve'}"}`))),
    }));
    expect(applyLabeled(state, labeled, ctx())).toMatchObject({ accepted: 4 });
    applyLabeled(state, [{ offset: 4n, recordTimeMs: t0, read: readLabeledPrediction(Buffer.from(event(200).toString().replace(/}$/, ',"label":"reject"}'))) }], ctx());
    const { performance, errors } = state.due([])[0].cells[0].acc;
    expect(performance.compute()).toMatchObject({ n: 4, accuracy: 0.75, scored: 4 });
    expect(errors.toArray()).toEqual([0, 0, 0, 1]);
  });
});
