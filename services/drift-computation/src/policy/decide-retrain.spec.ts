import type { DriftType } from '@mlops/contracts';
import { decideRetrain, EMPTY_MEMORY, PolicyMemory, RetrainDecision, WindowOutcome } from './decide-retrain';
import { DEFAULT_RETRAIN_POLICY, RetrainPolicy } from './retrain-policy';

const HOUR = 3_600_000;
const window = (index: number, driftType: DriftType, extra: Partial<WindowOutcome> = {}): WindowOutcome => ({
  version: '1',
  index,
  startMs: index * HOUR,
  endMs: (index + 1) * HOUR,
  driftType,
  sufficient: true,
  labeledEnough: true,
  ...extra,
});

function run(windows: WindowOutcome[], policy: RetrainPolicy = DEFAULT_RETRAIN_POLICY, memory: PolicyMemory = EMPTY_MEMORY): RetrainDecision[] {
  return windows.map((w) => {
    const step = decideRetrain(memory, w, policy);
    memory = step.memory;
    return step.decision;
  });
}

describe('decideRetrain (defaults: 2 consecutive windows, 24 h cooldown)', () => {
  it('asks once for two concept-drift windows in a row, over their span', () => {
    expect(run([window(0, 'none'), window(1, 'concept'), window(2, 'concept'), window(3, 'concept')])).toEqual([
      { action: 'none', why: 'no_drift' },
      { action: 'none', why: 'building_streak' },
      { action: 'retrain', reason: 'concept_drift', fromMs: HOUR, toMs: 3 * HOUR, windows: 2 },
      { action: 'none', why: 'building_streak' },
    ]);
  });

  it('respects the cooldown in event time, then asks again', () => {
    const windows = Array.from({ length: 30 }, (_, i) => window(i, 'concept'));
    const asked = run(windows).flatMap((d, i) => (d.action === 'retrain' ? [i] : []));
    expect(asked).toEqual([1, 25]);
  });

  it('a window without drift breaks the streak; a too-small window does not', () => {
    expect(run([window(0, 'concept'), window(1, 'none'), window(2, 'concept')]).map((d) => d.action)).toEqual(['none', 'none', 'none']);
    const decisions = run([window(0, 'concept'), window(1, 'concept', { sufficient: false }), window(2, 'concept')]);
    expect(decisions[1]).toEqual({ action: 'none', why: 'too_few_samples' });
    expect(decisions[2]).toMatchObject({ action: 'retrain', fromMs: 0 });
  });

  it('answers each drift kind as configured: prediction drift alerts, data drift waits for labels', () => {
    expect(run([window(0, 'prediction'), window(1, 'prediction')]).map((d) => d.action === 'none' && d.why)).toEqual(['alert_only', 'alert_only']);
    const unlabeled = run([window(0, 'data', { labeledEnough: false }), window(1, 'data', { labeledEnough: false })]);
    expect(unlabeled.every((d) => d.action === 'none' && d.why === 'waiting_for_labels')).toBe(true);
    expect(run([window(0, 'data'), window(1, 'data')])[1]).toMatchObject({ action: 'retrain', reason: 'data_drift' });
    expect(run([window(0, 'data'), window(1, 'data_and_concept')])[1]).toMatchObject({ action: 'retrain', reason: 'concept_drift' });
  });

  it('starts a new streak when the version changes', () => {
    expect(run([window(0, 'concept'), window(1, 'concept', { version: '2' })]).map((d) => d.action)).toEqual(['none', 'none']);
  });

  it('takes one window when the policy says so, and ignores kinds set to ignore', () => {
    const eager = { ...DEFAULT_RETRAIN_POLICY, consecutiveWindows: 1, responses: { ...DEFAULT_RETRAIN_POLICY.responses, data: 'ignore' as const } };
    expect(run([window(0, 'data'), window(1, 'concept')], eager)).toEqual([
      { action: 'none', why: 'ignored' },
      { action: 'retrain', reason: 'concept_drift', fromMs: HOUR, toMs: 2 * HOUR, windows: 1 },
    ]);
  });

  describe('streaming detector drift', () => {
    const detected = (index: number, driftType: DriftType = 'none', extra: Partial<WindowOutcome> = {}) => window(index, driftType, { detectorDrift: true, ...extra });
    const evidence = { ...DEFAULT_RETRAIN_POLICY, detectorDrift: 'evidence' as const };

    it('evidence: never asks on detector drift alone, however many windows signal', () => {
      const decisions = run([detected(0), detected(1), window(2, 'none'), detected(3), detected(4), detected(5)], evidence);
      expect(decisions.map((d) => d.action === 'none' && d.why)).toEqual(['building_streak', 'unconfirmed', 'no_drift', 'building_streak', 'unconfirmed', 'unconfirmed']);
    });

    it('evidence: a detector drift one window before the metrics move brings the request forward by that window', () => {
      expect(run([window(0, 'none'), detected(1), window(2, 'concept')], evidence)[2]).toEqual({ action: 'retrain', reason: 'concept_drift', fromMs: HOUR, toMs: 3 * HOUR, windows: 2 });
      // Without the detector the same windows ask one window later.
      expect(run([window(0, 'none'), window(1, 'none'), window(2, 'concept'), window(3, 'concept')]).map((d) => d.action)).toEqual(['none', 'none', 'none', 'retrain']);
    });

    it('evidence: counts only with enough labels, and turns data drift into data and concept drift', () => {
      expect(run([detected(0, 'none', { labeledEnough: false }), window(1, 'concept')], evidence).map((d) => d.action === 'none' && d.why)).toEqual(['no_drift', 'building_streak']);
      expect(run([detected(0, 'data'), detected(1, 'data')], evidence)[1]).toMatchObject({ action: 'retrain', reason: 'concept_drift', windows: 2 });
    });

    it('ignore (default): detector drift changes nothing', () => {
      expect(DEFAULT_RETRAIN_POLICY.detectorDrift).toBe('ignore');
      expect(run([detected(0), detected(1, 'concept'), detected(2, 'concept')]).map((d) => d.action === 'none' && d.why)).toEqual(['no_drift', 'building_streak', false]);
    });

    it('sufficient: the detector alone asks at once, for its window, within the cooldown rules', () => {
      const trusting = { ...DEFAULT_RETRAIN_POLICY, detectorDrift: 'sufficient' as const };
      expect(run([window(0, 'none'), detected(1), detected(2)], trusting)).toEqual([
        { action: 'none', why: 'no_drift' },
        { action: 'retrain', reason: 'concept_drift', fromMs: HOUR, toMs: 2 * HOUR, windows: 1 },
        { action: 'none', why: 'cooldown' },
      ]);
    });
  });
});
