import type { DriftType, RetrainReason } from '@mlops/contracts';
import type { DriftKind, RetrainPolicy } from './retrain-policy';

/** What the policy remembers per model between windows (rebuilt by replay after a restart). */
export interface PolicyMemory {
  /** Consecutive windows of one version that called for retraining, oldest first (at most `consecutiveWindows`). */
  readonly streak: readonly StreakWindow[];
  /** Window end (event time) of the last retrain request. */
  readonly lastRequestEndMs: number | null;
}

export const EMPTY_MEMORY: PolicyMemory = { streak: [], lastRequestEndMs: null };

export interface StreakWindow {
  version: string;
  index: number;
  startMs: number;
  endMs: number;
  /** The window counts only because a streaming detector signalled (the window metrics held). */
  detectorOnly?: boolean;
}

/** The facts of one evaluated window that the policy looks at. */
export interface WindowOutcome {
  version: string;
  index: number;
  startMs: number;
  endMs: number;
  driftType: DriftType;
  sufficient: boolean;
  labeledEnough: boolean;
  /** A streaming detector on the error stream signalled a change in the window. */
  detectorDrift?: boolean;
}

export type RetrainDecision =
  | { action: 'none'; why: 'too_few_samples' | 'no_drift' | 'alert_only' | 'ignored' | 'waiting_for_labels' | 'building_streak' | 'unconfirmed' | 'cooldown' }
  | { action: 'retrain'; reason: RetrainReason; fromMs: number; toMs: number; windows: number };

const REASONS: Record<DriftKind, RetrainReason> = {
  concept: 'concept_drift',
  data_and_concept: 'concept_drift',
  data: 'data_drift',
  prediction: 'prediction_drift',
};

/**
 * The retrain policy as a pure step: (memory, window) → (decision, memory). A window with too few
 * predictions changes nothing; a window without drift, or with drift the policy only alerts on,
 * ends the streak; `consecutiveWindows` retrain-worthy windows in a row of one version ask for
 * retraining on their event-time span, unless the last request's window ended less than
 * `cooldown` before this one.
 *
 * A streaming detector's drift (in a window with `minLabeled` labels) is concept-drift evidence
 * as `detectorDrift` says: `ignore` it (default); `evidence`: the window counts as concept drift
 * (data and concept with data drift) for the streak, but a full streak asks only if the window
 * metric rule found concept drift in at least one of its windows — so on a stable stream, where
 * that rule is silent, detector false alarms (DDM raises some on long Bernoulli streams) never
 * ask for retraining, while a change the detector catches inside a window brings the request
 * forward by that window; `sufficient`: the detector's drift asks at once (cooldown applies).
 */
export function decideRetrain(memory: PolicyMemory, window: WindowOutcome, policy: RetrainPolicy): { decision: RetrainDecision; memory: PolicyMemory } {
  const keep = (why: Extract<RetrainDecision, { action: 'none' }>['why']) => ({ decision: { action: 'none' as const, why }, memory });
  const reset = (why: Extract<RetrainDecision, { action: 'none' }>['why']) => ({ decision: { action: 'none' as const, why }, memory: { ...memory, streak: [] } });
  if (!window.sufficient) return keep('too_few_samples');
  const detector = window.detectorDrift === true && window.labeledEnough && policy.detectorDrift !== 'ignore';
  const kind = detector ? withConcept(window.driftType) : window.driftType;
  if (kind === 'none') return reset('no_drift');
  // Data drift stands on its own rule; a window that drifted only by the detector needs confirming.
  const detectorOnly = detector && (window.driftType === 'none' || window.driftType === 'prediction');
  const response = policy.responses[kind];
  if (response === 'ignore') return reset('ignored');
  if (response === 'alert') return reset('alert_only');
  if (response === 'retrain_when_labeled' && !window.labeledEnough) return keep('waiting_for_labels');

  const continues = memory.streak.length > 0 && memory.streak[memory.streak.length - 1].version === window.version;
  const entry: StreakWindow = { version: window.version, index: window.index, startMs: window.startMs, endMs: window.endMs, ...(detectorOnly ? { detectorOnly } : {}) };
  const immediate = detector && policy.detectorDrift === 'sufficient';
  const streak = immediate ? [entry] : [...(continues ? memory.streak : []), entry].slice(-policy.consecutiveWindows);
  if (!immediate && streak.length < policy.consecutiveWindows) return { decision: { action: 'none', why: 'building_streak' }, memory: { ...memory, streak } };
  if (!immediate && streak.every((w) => w.detectorOnly)) return { decision: { action: 'none', why: 'unconfirmed' }, memory: { ...memory, streak } };
  if (memory.lastRequestEndMs !== null && window.endMs - memory.lastRequestEndMs < policy.cooldownMs) {
    return { decision: { action: 'none', why: 'cooldown' }, memory: { ...memory, streak } };
  }
  const fromMs = streak[0].startMs;
  return {
    decision: { action: 'retrain', reason: REASONS[kind], fromMs, toMs: Math.max(window.endMs, fromMs + 1), windows: streak.length },
    memory: { streak: [], lastRequestEndMs: window.endMs },
  };
}

/** The drift type of a window once a streaming detector's drift counts as concept drift. */
function withConcept(driftType: DriftType): DriftType {
  if (driftType === 'none' || driftType === 'prediction') return 'concept';
  return driftType === 'data' ? 'data_and_concept' : driftType;
}
