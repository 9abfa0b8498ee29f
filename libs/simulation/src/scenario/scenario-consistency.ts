import type { z } from 'zod';
import { GENERATOR_DESCRIPTIONS, type GeneratorType } from '../generators/generator-catalog';

interface ScenarioShape {
  generator: { type: GeneratorType };
  phases: {
    name: string;
    events: number;
    concept?: number;
    transition?: { width: number };
    covariate?: { feature: string }[] | null;
    missing?: { features?: string[] } | null;
  }[];
}

/**
 * The rules a field-by-field schema cannot state: concepts and feature names must exist in the
 * chosen generator, the first phase names its concept, a transition needs a concept to move to
 * and must fit in its phase, and phase names are unique (reports and CSV filters use them).
 */
export function checkScenarioConsistency(scenario: ScenarioShape, ctx: z.RefinementCtx): void {
  const description = GENERATOR_DESCRIPTIONS[scenario.generator.type];
  const featureNames = description.features.map((f) => f.name);
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const checkFeature = (path: (string | number)[], name: string) => {
    if (!featureNames.includes(name)) {
      issue(path, `unknown feature "${name}"; ${scenario.generator.type} has ${featureNames.join(', ')}`);
    }
  };

  const seen = new Set<string>();
  scenario.phases.forEach((phase, i) => {
    const at = (...rest: (string | number)[]) => ['phases', i, ...rest];
    if (seen.has(phase.name)) issue(at('name'), `duplicate phase name "${phase.name}"`);
    seen.add(phase.name);

    if (i === 0 && phase.concept === undefined) {
      issue(at('concept'), `the first phase must name its concept (${scenario.generator.type} ${description.conceptName} ${description.concepts.join(', ')})`);
    }
    if (phase.concept !== undefined && !description.concepts.includes(phase.concept)) {
      issue(at('concept'), `${scenario.generator.type} has ${description.conceptName}s ${description.concepts.join(', ')}; got ${phase.concept}`);
    }
    if (phase.transition) {
      if (i === 0) issue(at('transition'), 'the first phase has no earlier concept to move from');
      else if (phase.concept === undefined) issue(at('transition'), 'a transition needs a concept to move to');
      if (phase.transition.width > phase.events) {
        issue(at('transition', 'width'), `must not exceed the phase's ${phase.events} events`);
      }
    }
    phase.covariate?.forEach((shift, j) => checkFeature(at('covariate', j, 'feature'), shift.feature));
    phase.missing?.features?.forEach((name, j) => checkFeature(at('missing', 'features', j), name));
  });
}
