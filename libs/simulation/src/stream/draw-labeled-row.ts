import { PriorShiftUnreachableError } from '../errors/prior-shift-unreachable.error';
import type { ClassLabel, Row, TabularGenerator } from '../generators/tabular-generator';
import type { ResolvedPhase } from '../scenario/resolve-phases';
import { conceptForEvent } from './concept-transition';
import { applyCovariateShift } from './covariate-shift';
import type { RandomStreams } from './random-streams';

/** Draws for one wanted class before a prior shift is declared unreachable. */
export const MAX_PRIOR_ATTEMPTS = 100_000;

export interface LabeledRow {
  /** Attributes after covariate shift, before perturbation: the values the label belongs to. */
  clean: Row;
  /** What the model sees: the clean attributes perturbed (Agrawal) and then shifted. */
  observed: Row;
  label: ClassLabel;
  /** The concept that labeled this row (during a transition, the old or the new one). */
  concept: number;
}

/**
 * One row of a phase. The order of the steps is what keeps each kind of drift pure:
 * covariate shift happens before labeling (P(y | x) stays the concept's), perturbation after it
 * (noise in the inputs, not in the truth), and prior shift redraws whole rows until the wanted
 * class comes up (P(x | y) stays the concept's).
 */
export function drawLabeledRow(generator: TabularGenerator, phase: ResolvedPhase, index: number, rng: RandomStreams): LabeledRow {
  const wanted: ClassLabel | undefined = phase.prior ? (rng.prior.chance(phase.prior.positiveShare) ? 1 : 0) : undefined;
  for (let attempt = 1; attempt <= MAX_PRIOR_ATTEMPTS; attempt++) {
    const raw = generator.sample(rng.attributes);
    const clean = applyCovariateShift(raw, phase.covariate, generator.features);
    const concept = conceptForEvent(phase, index, rng.concept);
    const label = generator.noisyLabel(generator.label(concept, clean), rng.labelNoise);
    if (wanted !== undefined && label !== wanted) continue;
    const observed = applyCovariateShift(generator.perturb(raw, rng.perturbation), phase.covariate, generator.features);
    return { clean, observed, label, concept };
  }
  throw new PriorShiftUnreachableError(phase.name, wanted ?? 1, MAX_PRIOR_ATTEMPTS);
}
