import type { ModelRegistered } from '@mlops/contracts';
import { fail, pass, type GateResult } from './gate-result';
import { improvementOf } from '../../retraining/metric-direction';

/**
 * `better`: the challenger must improve on the champion by more than zero and at least `margin`.
 * `not_worse`: it may lose at most `margin` (in metric units).
 */
export interface PromotionPolicy {
  readonly mode: 'better' | 'not_worse';
  readonly margin: number;
}

/**
 * The metric gate, on the comparison retraining measured on one held-out slice. The comparison
 * must be against the model's current champion; one measured against another version (the
 * champion moved since) or without the champion's number says nothing and fails.
 */
export function metricGate(comparison: ModelRegistered['comparison'], currentChampion: string | undefined, policy: PromotionPolicy): GateResult {
  const { primaryMetric: metric, challenger } = comparison;
  if (currentChampion === undefined) return pass('metric', `first champion (${metric} ${fmt(challenger)})`);
  if (comparison.championVersion !== currentChampion) {
    const against = comparison.championVersion === undefined ? 'without a champion' : `against version ${comparison.championVersion}`;
    return fail('metric', `compared ${against}, but version ${currentChampion} is champion`);
  }
  if (comparison.champion === undefined) return fail('metric', `champion ${currentChampion} could not be evaluated on the held-out rows`);
  const improvement = improvementOf(metric, challenger, comparison.champion);
  const ok = policy.mode === 'better' ? improvement > 0 && improvement >= policy.margin : improvement >= -policy.margin;
  const rule = policy.mode === 'better' ? `better by at least ${policy.margin}` : `not worse by more than ${policy.margin}`;
  const detail = `${metric} ${fmt(challenger)} vs champion ${fmt(comparison.champion)}: ${improvement >= 0 ? '+' : ''}${fmt(improvement)}, policy ${rule}`;
  return ok ? pass('metric', detail) : fail('metric', detail);
}

function fmt(value: number): string {
  return Number(value.toFixed(4)).toString();
}
