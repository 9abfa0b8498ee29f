import type { FeatureDefinition, FeatureRecord } from '@mlops/model';

/**
 * A small sanity batch for a freshly loaded model: every feature missing, then plain values
 * (0, an unseen category, false/true). A healthy model answers each row with finite numbers;
 * NaN weights or a broken preprocessing show up here before the model serves anything.
 */
export function warmUpRows(schema: readonly FeatureDefinition[]): FeatureRecord[] {
  const row = (pick: (f: FeatureDefinition) => FeatureRecord[string]) => Object.fromEntries(schema.map((f) => [f.name, pick(f)]));
  return [
    row(() => null),
    row((f) => (f.type === 'numerical' ? 0 : f.type === 'boolean' ? false : '__warm_up__')),
    row((f) => (f.type === 'numerical' ? 1 : f.type === 'boolean' ? true : '__warm_up__')),
  ];
}

/** Whether every number in a prediction is finite. */
export function isFinitePrediction(prediction: unknown): boolean {
  if (typeof prediction === 'number') return Number.isFinite(prediction);
  if (typeof prediction !== 'object' || prediction === null) return false;
  const p = prediction as { score?: unknown; probabilities?: Record<string, unknown> };
  if (typeof p.score !== 'number' || !Number.isFinite(p.score)) return false;
  return Object.values(p.probabilities ?? {}).every((v) => typeof v === 'number' && Number.isFinite(v));
}
