import type { FeatureDefinition, FeatureRecord } from '@mlops/model';

/**
 * The sanity batch for a candidate: every feature missing, then plain values (0, an unseen
 * category, false), then others (1, another unseen category, true). A healthy model answers each
 * row with finite numbers; NaN weights or broken preprocessing show here, before it serves.
 */
export function sanityRows(schema: readonly FeatureDefinition[]): FeatureRecord[] {
  const row = (pick: (f: FeatureDefinition) => FeatureRecord[string]) => Object.fromEntries(schema.map((f) => [f.name, pick(f)]));
  return [
    row(() => null),
    row((f) => (f.type === 'numerical' ? 0 : f.type === 'boolean' ? false : '__sanity_a__')),
    row((f) => (f.type === 'numerical' ? 1 : f.type === 'boolean' ? true : '__sanity_b__')),
  ];
}

/** Whether every number in a prediction (a number, or `{ score, probabilities }`) is finite. */
export function isFinitePrediction(prediction: unknown): boolean {
  if (typeof prediction === 'number') return Number.isFinite(prediction);
  if (typeof prediction !== 'object' || prediction === null) return false;
  const p = prediction as { score?: unknown; probabilities?: Record<string, unknown> };
  if (typeof p.score !== 'number' || !Number.isFinite(p.score)) return false;
  return Object.values(p.probabilities ?? {}).every((v) => typeof v === 'number' && Number.isFinite(v));
}
