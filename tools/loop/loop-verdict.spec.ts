import { emptyState, tally } from './loop-state';
import { judgeLoop } from './loop-verdict';

const phases = [
  { name: 'stable', start: 0, events: 100 },
  { name: 'concept-drift', start: 100, events: 100 },
];

function healedState() {
  const state = emptyState();
  for (let i = 0; i < 100; i++) tally(state.byPhase, 'stable', i < 92);
  for (let i = 0; i < 100; i++) tally(state.byPhaseAndVersion, 'concept-drift|1', i < 60);
  for (let i = 0; i < 100; i++) tally(state.byPhaseAndVersion, 'concept-drift|2', i < 90);
  state.reports.push({ at: 1500, version: '1', driftType: 'concept', datasetShare: 0, samples: 500, windowEnd: 't' });
  state.retrainRequests.push({ at: 1600, requestId: 'r1', reason: 'concept_drift' });
  state.registered.push({ at: 1700, version: '2', requestId: 'r1' });
  state.deployed.push({ at: 100, version: '1' }, { at: 1800, version: '2', previous: '1' });
  return state;
}

describe('judgeLoop', () => {
  it('says healed when every step happened and accuracy came back', () => {
    const verdict = judgeLoop(healedState(), phases, 1000, 0.05, '1', '2');
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verdict.healed).toBe(true);
    expect(verdict.accuracy).toEqual({ beforeDrift: 0.92, duringDrift: 0.6, afterRedeploy: 0.9 });
    expect(verdict.timeline.map((t) => t.atMs)).toEqual([1000, 1500, 1600, 1700, 1800]);
  });

  it('is not healed by a false alarm in the stable phase', () => {
    const state = healedState();
    state.retrainRequests.unshift({ at: 500, requestId: 'r0', reason: 'data_drift' });
    const verdict = judgeLoop(state, phases, 1000, 0.05, '1', '2');
    expect(verdict.healed).toBe(false);
    expect(verdict.checks[0]).toMatchObject({ ok: false, detail: '1 request(s)' });
  });

  it('is not healed when accuracy stays low or nothing was deployed', () => {
    const low = healedState();
    low.byPhaseAndVersion['concept-drift|2'] = { correct: 70, total: 100 };
    expect(judgeLoop(low, phases, 1000, 0.05, '1', '2').healed).toBe(false);
    const none = healedState();
    none.deployed = [{ at: 100, version: '1' }];
    expect(judgeLoop(none, phases, 1000, 0.05, '1', '1').checks[3]).toMatchObject({ ok: false, detail: 'none' });
    expect(judgeLoop(healedState(), phases, 1000, 0.05, '1', '1').checks[4]).toMatchObject({ ok: false, detail: 'serving 1' });
  });
});
