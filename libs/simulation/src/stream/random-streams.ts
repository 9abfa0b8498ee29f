import type { RandomSource } from '../random/random-source';

/**
 * One independent random stream per concern, forked from the run's seed. Because each concern
 * draws only from its own stream, adding missing values or a label delay to a scenario leaves
 * the attribute values of every row exactly as they were.
 */
export interface RandomStreams {
  attributes: RandomSource;
  concept: RandomSource;
  labelNoise: RandomSource;
  perturbation: RandomSource;
  prior: RandomSource;
  missing: RandomSource;
  labels: RandomSource;
  prediction: RandomSource;
}

export function forkRandomStreams(root: RandomSource): RandomStreams {
  return {
    attributes: root.fork('attributes'),
    concept: root.fork('concept'),
    labelNoise: root.fork('label-noise'),
    perturbation: root.fork('perturbation'),
    prior: root.fork('prior'),
    missing: root.fork('missing'),
    labels: root.fork('labels'),
    prediction: root.fork('prediction'),
  };
}
