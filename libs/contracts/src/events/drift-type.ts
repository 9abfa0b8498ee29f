import { z } from 'zod';

/**
 * The kind of drift a window shows, which selects the pipeline's response:
 * - `none`: nothing drifted;
 * - `data`: feature distributions moved, performance held (or is unknown); an output shift
 *   alongside is explained by the inputs and stays `data`;
 * - `prediction`: only the output distribution moved (typical before labels arrive);
 * - `concept`: performance fell while features held: `P(y|X)` moved;
 * - `data_and_concept`: features moved and performance fell.
 */
export const DriftTypeSchema = z.enum(['none', 'data', 'prediction', 'concept', 'data_and_concept']);
export type DriftType = z.infer<typeof DriftTypeSchema>;

export interface DriftSignals {
  dataDrift: boolean;
  predictionDrift: boolean;
  /** Performance degraded against the baseline (false when no labels were available). */
  performanceDegraded: boolean;
}

/** The one place the rules above are written as code, so every producer classifies alike. */
export function classifyDriftType(signals: DriftSignals): DriftType {
  if (signals.performanceDegraded) return signals.dataDrift ? 'data_and_concept' : 'concept';
  if (signals.dataDrift) return 'data';
  if (signals.predictionDrift) return 'prediction';
  return 'none';
}
