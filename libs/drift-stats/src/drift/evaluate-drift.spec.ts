import type { FeatureSchema } from '../profile/feature-schema';
import { ReferenceProfile } from '../profile/reference-profile';
import { WindowProfile } from '../profile/window-profile';
import { Mulberry32 } from '../random';
import { compareColumns } from './compare-columns';
import { evaluateDrift } from './evaluate-drift';

function normal(rng: Mulberry32, loc = 0): number {
  let s = 0;
  for (let j = 0; j < 12; j++) s += rng.next();
  return loc + s - 6;
}

const FEATURES = 10;
const schema: FeatureSchema[] = [
  ...Array.from({ length: FEATURES }, (_, i) => ({ name: `f${i}`, type: 'numerical' as const })),
  { name: 'segment', type: 'categorical' },
  { name: 'prediction', type: 'numerical', role: 'prediction' },
  { name: 'label', type: 'boolean', role: 'label' },
];

/** Columns where features f0..f(shifted−1) and optionally the prediction moved. */
function columns(n: number, seed: number, shifted: number, predictionShift = 0): Record<string, unknown[]> {
  const rng = new Mulberry32(seed);
  const out: Record<string, unknown[]> = {};
  for (let i = 0; i < FEATURES; i++) out[`f${i}`] = Array.from({ length: n }, () => normal(rng, i < shifted ? 1 : 0));
  out['segment'] = Array.from({ length: n }, () => ['a', 'b', 'c'][rng.nextInt(3)]);
  out['prediction'] = Array.from({ length: n }, () => normal(rng, predictionShift));
  out['label'] = Array.from({ length: n }, () => rng.next() < 0.4);
  return out;
}

describe('evaluateDrift', () => {
  const reference = ReferenceProfile.fromColumns(columns(5000, 1, 0), schema, { seed: 1 });

  function window(seed: number, shifted: number, predictionShift = 0, n = 2000): WindowProfile {
    const w = WindowProfile.forReference(reference, { seed });
    w.updateColumns(columns(n, seed, shifted, predictionShift));
    return w;
  }

  it('reports no drift on a window from the reference distribution', () => {
    const e = evaluateDrift(reference, window(2, 0));
    expect(e.datasetDrift).toEqual({ share: 0, threshold: 0.1, drifted: false, driftedCount: 0, evaluatedCount: 11, skippedCount: 0 });
    expect(e.columns.map((c) => c.method)).toEqual([...new Array<string>(FEATURES).fill('wasserstein-normed'), 'jensen-shannon', 'wasserstein-normed', 'jensen-shannon']);
  });

  it('computes the share of drifted input features and compares it with the threshold', () => {
    const one = evaluateDrift(reference, window(3, 1));
    expect(one.datasetDrift).toMatchObject({ driftedCount: 1, evaluatedCount: 11, drifted: false });
    expect(one.datasetDrift.share).toBeCloseTo(1 / 11, 12);
    const two = evaluateDrift(reference, window(4, 2));
    expect(two.datasetDrift).toMatchObject({ driftedCount: 2, drifted: true });
    expect(evaluateDrift(reference, window(4, 2), { datasetDriftShare: 0.5 }).datasetDrift.drifted).toBe(false);
  });

  it('reports prediction and label drift apart from the feature share', () => {
    const e = evaluateDrift(reference, window(5, 0, 1));
    expect(e.predictionDrift).toMatchObject({ name: 'prediction', role: 'prediction', drifted: true });
    expect(e.labelDrift).toMatchObject({ name: 'label', role: 'label', drifted: false });
    expect(e.datasetDrift.driftedCount).toBe(0);
  });

  it('lets each feature pick its method and threshold', () => {
    const e = evaluateDrift(reference, window(6, 1), {
      columns: { f0: { method: 'ks', threshold: 0.01 }, segment: { method: 'chi-square' }, f1: { method: 'psi', threshold: 0.5 } },
    });
    expect(e.columns[0]).toMatchObject({ name: 'f0', method: 'ks', threshold: 0.01, drifted: true, approximate: true });
    expect(e.columns[1]).toMatchObject({ name: 'f1', method: 'psi', threshold: 0.5 });
    expect(e.columns[FEATURES]).toMatchObject({ name: 'segment', method: 'chi-square', threshold: 0.05, drifted: false });
  });

  it('applies effect-size floors to default hypothesis tests on small references', () => {
    const small = ReferenceProfile.fromColumns(columns(800, 7, 0), schema, { seed: 1 });
    const big = WindowProfile.forReference(small, { seed: 8 });
    // a tiny but, with 200k rows, very significant shift of f0
    const rng = new Mulberry32(9);
    big.updateColumns({ f0: Array.from({ length: 200_000 }, () => normal(rng, 0.08)) });
    const aware = evaluateDrift(small, big).columns[0];
    const plain = evaluateDrift(small, big, { effectAware: false }).columns[0];
    expect(aware.method).toBe('ks');
    expect(aware.pValue!).toBeLessThan(0.05);
    expect(plain.drifted).toBe(true);
    expect(aware.drifted).toBe(false);
    expect(aware.effectSize!).toBeLessThan(0.1);
  });

  it('compares two in-memory datasets exactly (report use)', () => {
    const e = compareColumns(columns(600, 10, 0), columns(400, 11, 3), { schema });
    expect(e.columns.slice(0, 4).map((c) => [c.method, c.drifted, c.approximate ?? false])).toEqual([
      ['ks', true, false],
      ['ks', true, false],
      ['ks', true, false],
      ['ks', false, false],
    ]);
    expect(e.datasetDrift.drifted).toBe(true);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });
});
