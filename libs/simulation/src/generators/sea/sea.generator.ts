import type { FeatureSpec, TabularGenerator } from '../tabular-generator';

/**
 * SEA concepts (Street and Kim, "A Streaming Ensemble Algorithm (SEA) for Large-Scale
 * Classification", KDD 2001): three attributes uniform in [0, 10], of which only the first two
 * matter; the class is att1 + att2 > θ. The four concepts differ only in θ.
 */
export const SEA_FEATURES: readonly FeatureSpec[] = [1, 2, 3].map((i) => ({
  name: `att${i}`,
  kind: 'numeric' as const,
  min: 0,
  max: 10,
  description: i === 3 ? 'uniform 0–10, irrelevant to the class' : 'uniform 0–10',
}));

/** Variant → threshold, in the paper's order (River numbers the variants 0–3). */
export const SEA_THRESHOLDS: Readonly<Record<number, number>> = { 1: 8, 2: 9, 3: 7, 4: 9.5 };

export interface SeaOptions {
  /** Probability in [0, 1] that a label is flipped after labeling (the paper used 10%). */
  noise?: number;
}

export function createSeaGenerator(options: SeaOptions = {}): TabularGenerator {
  const noise = options.noise ?? 0;
  if (!(noise >= 0 && noise <= 1)) throw new RangeError(`sea noise must be in [0, 1], got ${noise}`);
  const concepts = Object.keys(SEA_THRESHOLDS).map(Number);
  return {
    kind: 'sea',
    features: SEA_FEATURES,
    concepts,
    sample: (rng) => ({ att1: rng.uniform(0, 10), att2: rng.uniform(0, 10), att3: rng.uniform(0, 10) }),
    label(concept, row) {
      const threshold = SEA_THRESHOLDS[concept];
      if (threshold === undefined) throw new RangeError(`sea has variants ${concepts.join(', ')}; got ${concept}`);
      return row.att1 + row.att2 > threshold ? 1 : 0;
    },
    noisyLabel: (label, rng) => (rng.chance(noise) ? (label === 1 ? 0 : 1) : label),
    perturb: (row) => row,
  };
}
