import { createAgrawalGenerator, createRandom } from '@mlops/simulation';

/** Agrawal rows labeled by `concept` (function 1–10): class A (1) or B (0), attributes as numbers. */
export function agrawalRows(rows: number, concept: number, seed: number): { features: Record<string, number>; label: string }[] {
  const generator = createAgrawalGenerator();
  const rng = createRandom(seed);
  return Array.from({ length: rows }, () => {
    const features = generator.sample(rng);
    return { features, label: generator.label(concept, features) === 1 ? 'A' : 'B' };
  });
}

/** elevel, car and zipcode are codes, not quantities. */
export const AGRAWAL_CATEGORICAL = [
  { name: 'elevel', type: 'categorical' },
  { name: 'car', type: 'categorical' },
  { name: 'zipcode', type: 'categorical' },
] as const;

/** The rows as LabeledPredictionEvents for `model`, event times spread over [fromMs, toMs). */
export function labeledMessages(model: string, rows: ReturnType<typeof agrawalRows>, fromMs: number, toMs: number) {
  return rows.map((row, i) => {
    const eventId = `bench-${i}`;
    return {
      key: eventId,
      value: JSON.stringify({
        schemaVersion: 1,
        eventId,
        model,
        modelVersion: '1',
        timestamp: new Date(fromMs + Math.floor(((toMs - fromMs) * i) / rows.length)).toISOString(),
        features: row.features,
        prediction: { label: 'A', score: 0.5 },
        label: row.label,
        labelTimestamp: new Date(toMs).toISOString(),
      }),
    };
  });
}
