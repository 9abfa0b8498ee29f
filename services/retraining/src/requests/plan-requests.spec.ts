import type { RetrainRequest } from '@mlops/contracts';
import { planRequests } from './plan-requests';

const request = (requestId: string, model: string, requestedAt: string): RetrainRequest => ({
  schemaVersion: 1,
  requestId,
  model,
  reason: 'concept_drift',
  dataWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' },
  requestedAt,
});

describe('planRequests', () => {
  const t = (minute: number) => `2026-01-02T00:${String(minute).padStart(2, '0')}:00.000Z`;

  it('trains each model once, for its newest request, coalescing the older ones', () => {
    const plan = planRequests([request('a1', 'a', t(1)), request('b1', 'b', t(2)), request('a2', 'a', t(3)), request('a0', 'a', t(0))], () => false, () => false);
    expect(plan.trainings.map((p) => [p.request.requestId, p.coalesced.map((r) => r.requestId)])).toEqual([
      ['a2', ['a1', 'a0']],
      ['b1', []],
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it('skips requests already handled and repeats within the chunk', () => {
    const plan = planRequests([request('x', 'a', t(1)), request('y', 'a', t(2)), request('y', 'a', t(2))], (id) => id === 'x', () => false);
    expect(plan.trainings.map((p) => p.request.requestId)).toEqual(['y']);
    expect(plan.skipped.map((s) => [s.request.requestId, s.why])).toEqual([
      ['x', 'duplicate'],
      ['y', 'duplicate'],
    ]);
  });

  it('hands off models trained elsewhere', () => {
    const plan = planRequests([request('e', 'ext', t(1))], () => false, (model) => model === 'ext');
    expect(plan).toEqual({ trainings: [], skipped: [{ request: request('e', 'ext', t(1)), why: 'external_trainer' }] });
  });
});
