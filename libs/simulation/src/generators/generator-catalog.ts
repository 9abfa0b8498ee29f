import { createAgrawalGenerator } from './agrawal/agrawal.generator';
import { AGRAWAL_FEATURES } from './agrawal/agrawal-attributes';
import { AGRAWAL_FUNCTION_IDS } from './agrawal/agrawal-functions';
import { SEA_FEATURES, SEA_THRESHOLDS, createSeaGenerator } from './sea/sea.generator';
import type { FeatureSpec, TabularGenerator } from './tabular-generator';

export type GeneratorType = 'agrawal' | 'sea';

/** What a scenario can be checked against without building a generator. */
export interface GeneratorDescription {
  features: readonly FeatureSpec[];
  concepts: readonly number[];
  /** How the scenario calls a concept of this generator, for error messages. */
  conceptName: string;
}

export const GENERATOR_DESCRIPTIONS: Readonly<Record<GeneratorType, GeneratorDescription>> = {
  agrawal: { features: AGRAWAL_FEATURES, concepts: AGRAWAL_FUNCTION_IDS, conceptName: 'function' },
  sea: { features: SEA_FEATURES, concepts: Object.keys(SEA_THRESHOLDS).map(Number), conceptName: 'variant' },
};

export type GeneratorSettings = { type: 'agrawal'; perturbation: number } | { type: 'sea'; noise: number };

export function createGenerator(settings: GeneratorSettings): TabularGenerator {
  return settings.type === 'agrawal'
    ? createAgrawalGenerator({ perturbation: settings.perturbation })
    : createSeaGenerator({ noise: settings.noise });
}
