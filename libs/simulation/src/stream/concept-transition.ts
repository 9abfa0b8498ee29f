import type { RandomSource } from '../random/random-source';
import type { ResolvedPhase } from '../scenario/resolve-phases';

/**
 * Probability that the event at `position` (0-based within its phase) follows the new concept.
 * `sigmoid` is MOA's ConceptDriftStream: 1 / (1 + e^(−4 (t − w/2) / w)), centred on the middle
 * of the width, about 12% at its start and 88% at its end; after the width it is exactly 1, so
 * the rest of the phase is purely the new concept. `linear` ramps from 0 to 1 over the width.
 */
export function newConceptProbability(shape: 'sigmoid' | 'linear', width: number, position: number): number {
  if (position >= width) return 1;
  if (shape === 'linear') return position / width;
  return 1 / (1 + Math.exp((-4 * (position - width / 2)) / width));
}

/** The concept that labels one event: the phase's, or during a transition a draw between old and new. */
export function conceptForEvent(phase: ResolvedPhase, index: number, rng: RandomSource): number {
  const transition = phase.transition;
  if (!transition) return phase.concept;
  const p = newConceptProbability(transition.shape, transition.width, index - phase.start);
  return rng.chance(p) ? phase.concept : transition.from;
}
