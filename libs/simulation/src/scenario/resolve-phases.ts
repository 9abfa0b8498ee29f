import type { CovariateShift, LabelPolicy, PriorShift, Scenario, Transition } from './scenario.schema';

/** Missing values with the feature list filled in. */
export interface ResolvedMissingValues {
  share: number;
  features: readonly string[];
}

/** A phase with every carried-over setting made explicit: what the stream engine reads. */
export interface ResolvedPhase {
  name: string;
  /** Index of the phase's first prediction in the whole stream. */
  start: number;
  /** Index one past its last prediction. */
  end: number;
  concept: number;
  /** The concept before this phase, when a transition blends the two. */
  transition?: Transition & { from: number };
  covariate: readonly CovariateShift[];
  missing?: ResolvedMissingValues;
  prior?: PriorShift;
  labels: LabelPolicy;
}

/**
 * Turns the "what changes" phases of a scenario into complete ones. `undefined` carries the
 * previous phase's setting over, `null` (or an empty covariate list) switches the effect off.
 */
export function resolvePhases(scenario: Scenario, featureNames: readonly string[]): ResolvedPhase[] {
  const resolved: ResolvedPhase[] = [];
  let start = 0;
  for (const phase of scenario.phases) {
    const previous = resolved.at(-1);
    // The schema guarantees the first phase names a concept.
    const concept = phase.concept ?? previous?.concept ?? 0;
    const missing = phase.missing === undefined ? previous?.missing : phase.missing ?? undefined;
    const prior = phase.prior === undefined ? previous?.prior : phase.prior ?? undefined;
    resolved.push({
      name: phase.name,
      start,
      end: start + phase.events,
      concept,
      transition: phase.transition && previous ? { ...phase.transition, from: previous.concept } : undefined,
      covariate: phase.covariate === undefined ? previous?.covariate ?? [] : phase.covariate ?? [],
      missing: missing && { share: missing.share, features: missing.features ?? featureNames },
      prior,
      labels: phase.labels ?? previous?.labels ?? scenario.labels,
    });
    start += phase.events;
  }
  return resolved;
}

/** Total number of predictions the scenario describes. */
export function scenarioLength(scenario: Scenario): number {
  return scenario.phases.reduce((sum, phase) => sum + phase.events, 0);
}
