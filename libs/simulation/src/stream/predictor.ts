import type { Features, PredictionValue } from '@mlops/contracts';
import type { ClassLabel, Row, TabularGenerator } from '../generators/tabular-generator';
import type { RandomSource } from '../random/random-source';

/** What the simulation knows about a row, beyond what a model would see. */
export interface GroundTruth {
  label: ClassLabel;
  /** The concept that produced the label. */
  concept: number;
  /** Attributes the label belongs to (after covariate shift, before perturbation and missing values). */
  features: Row;
}

export interface PredictorInput {
  /** The features as sent in the event (perturbed, shifted, with nulls for missing values). */
  features: Features;
  truth: GroundTruth;
  index: number;
  phase: string;
}

/** Produces the `prediction` of a PredictionEvent. Swap it for a real model's scoring. */
export type Predictor = (input: PredictorInput) => PredictionValue;

export interface PredictorContext {
  generator: TabularGenerator;
  /** The first phase's concept: what a model trained before any drift learned. */
  initialConcept: number;
  /** A random stream of its own, so the predictor's draws never shift the data's. */
  rng: RandomSource;
}

/** Builds a predictor once the stream knows its generator and seed. */
export type PredictorFactory = (context: PredictorContext) => Predictor;

export interface ConceptPredictorOptions {
  /** `initial`: a model trained on the first phase; `current`: an oracle of the live concept. */
  concept: 'initial' | 'current';
  /** Share of predictions flipped at random. */
  errorRate: number;
}

/**
 * The stand-in model for raw simulation: it applies a known concept to the clean attributes and
 * flips a share of its answers. With `initial`, accuracy is 1 − errorRate until the concept
 * drifts and then falls by exactly how much the two concepts disagree; covariate shift and
 * missing values leave it untouched, since P(y | x) holds. The prediction is the class label.
 */
export function conceptPredictor(options: ConceptPredictorOptions): PredictorFactory {
  if (!(options.errorRate >= 0 && options.errorRate <= 1)) {
    throw new RangeError(`errorRate must be in [0, 1], got ${options.errorRate}`);
  }
  return ({ generator, initialConcept, rng }) =>
    ({ truth }) => {
      const concept = options.concept === 'initial' ? initialConcept : truth.concept;
      const predicted = generator.label(concept, truth.features);
      return rng.chance(options.errorRate) ? 1 - predicted : predicted;
    };
}
