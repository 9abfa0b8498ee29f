import { FeatureTypeMismatchError, InvalidParameterError, UnsupportedFeatureTypeError } from '../errors';
import type { FeatureSchema } from '../profile/feature-schema';
import { ReferenceProfile } from '../profile/reference-profile';
import { WindowProfile } from '../profile/window-profile';
import { Mulberry32 } from '../random';
import { STAT_TESTS } from './registry';
import type { StatTest } from './stat-test.types';

// One suite, every registered test: the same checks for all (River-style conformance).

function normals(n: number, seed: number, loc = 0, scale = 1): number[] {
  const rng = new Mulberry32(seed);
  return Array.from({ length: n }, () => {
    let s = 0;
    for (let j = 0; j < 12; j++) s += rng.next();
    return loc + scale * (s - 6);
  });
}

function categories(n: number, seed: number, weights: number[], names = ['a', 'b', 'c', 'd']): string[] {
  const rng = new Mulberry32(seed);
  const total = weights.reduce((x, y) => x + y, 0);
  return Array.from({ length: n }, () => {
    let u = rng.next() * total;
    let i = 0;
    while (i < weights.length - 1 && u >= weights[i]) u -= weights[i++];
    return names[i];
  });
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const rng = new Mulberry32(seed);
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const tests = [...STAT_TESTS.values()];
const numerical = (t: StatTest): boolean => t.meta.featureTypes.includes('numerical');
const thresholdOf = (t: StatTest): number => t.meta.defaultThreshold ?? 0.5;

/** Reference, a null sample (same distribution) and a drifted one, in the test's preferred type. */
function data(t: StatTest): { ref: unknown[]; same: unknown[]; drifted: unknown[]; binary: boolean } {
  if (t.meta.method === 'z-test') {
    return { ref: categories(400, 1, [7, 3], ['no', 'yes']), same: categories(300, 2, [7, 3], ['no', 'yes']), drifted: categories(300, 3, [3, 7], ['no', 'yes']), binary: true };
  }
  if (numerical(t) && t.meta.reads === 'distribution') {
    return { ref: normals(400, 1), same: normals(300, 2), drifted: normals(300, 3, 1.5, 2), binary: false };
  }
  return { ref: categories(400, 1, [4, 3, 2, 1]), same: categories(300, 2, [4, 3, 2, 1]), drifted: categories(300, 3, [1, 1, 3, 5]), binary: false };
}

describe.each(tests.map((t) => [t.meta.method, t] as const))('conformance: %s', (_method, t) => {
  const { ref, same, drifted } = data(t);
  const threshold = thresholdOf(t);

  it('registers complete metadata', () => {
    expect(t.meta.featureTypes.length).toBeGreaterThan(0);
    expect(t.meta.scoreRange[0]).toBeLessThanOrEqual(t.meta.scoreRange[1]);
    expect(t.meta.references.length).toBeGreaterThan(0);
    if (t.meta.kind === 'p-value') expect(t.meta.effectSize).toBeDefined();
  });

  it('gives score 0 (distances) or effect 0 (tests) and no drift on identical inputs', () => {
    const r = t.run(ref, ref.slice(), threshold);
    expect(r.drifted).toBe(false);
    expect(r.method).toBe(t.meta.method);
    if (t.meta.kind === 'distance') expect(r.score).toBe(0);
    else {
      expect(r.effectSize).toBe(0);
      expect(r.pValue).toBeGreaterThanOrEqual(0.25);
    }
  });

  it('does not flag a sample of the same distribution, and flags a drifted one', () => {
    expect(t.run(ref, same, threshold).drifted).toBe(false);
    expect(t.run(ref, drifted, threshold).drifted).toBe(true);
  });

  it('keeps scores and p-values in their documented ranges', () => {
    for (const cur of [same, drifted, ref]) {
      const r = t.run(ref, cur, threshold);
      expect(r.score).toBeGreaterThanOrEqual(t.meta.scoreRange[0]);
      expect(r.score).toBeLessThanOrEqual(t.meta.scoreRange[1]);
      if (r.pValue !== undefined) {
        expect(r.pValue).toBeGreaterThanOrEqual(0);
        expect(r.pValue).toBeLessThanOrEqual(1);
      }
      expect(Number.isFinite(r.score)).toBe(true);
    }
  });

  it('behaves as documented when reference and current are swapped', () => {
    const r = t.run(ref, drifted, threshold);
    const s = t.run(drifted, ref, threshold);
    if (t.meta.symmetric) {
      expect(Math.abs(s.score - r.score)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(r.score)));
      expect(s.pValue ?? -1).toBeCloseTo(r.pValue ?? -1, 12);
    } else if (t.meta.method === 'wasserstein-normed') {
      const sd = (xs: unknown[]): number => {
        const v = xs as number[];
        const m = v.reduce((a, b) => a + b, 0) / v.length;
        return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
      };
      expect(s.score * sd(drifted)).toBeCloseTo(r.score * sd(ref), 9);
    } else {
      expect(s.score).not.toBeCloseTo(r.score, 6);
      expect(s.score).toBeGreaterThan(0);
    }
  });

  it('does not depend on the order of the values', () => {
    expect(t.run(shuffled(ref, 5), shuffled(drifted, 6), threshold)).toEqual(t.run(ref, drifted, threshold));
  });

  it('returns plain JSON-safe results', () => {
    const r = t.run(ref, drifted, threshold);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('agrees between raw values and profiles of the same values', () => {
    const type = typeof ref[0] === 'number' ? 'numerical' : 'categorical';
    const schema: FeatureSchema[] = [{ name: 'x', type }];
    const reference = ReferenceProfile.fromColumns({ x: ref }, schema);
    const window = WindowProfile.forReference(reference, { sampleSize: 1000 });
    window.updateColumns({ x: drifted });
    const fromProfiles = t.run(reference.feature('x'), window.feature('x'), threshold);
    const fromRaw = t.run(ref, drifted, threshold);
    expect(fromProfiles.drifted).toBe(fromRaw.drifted);
    // small samples are kept whole by the profile, so results are exact
    expect(fromProfiles.score).toBeCloseTo(fromRaw.score, 10);
    expect(fromProfiles.approximate).toBeUndefined();
    // and do not depend on the order the window saw them
    const reordered = WindowProfile.forReference(reference, { sampleSize: 1000 });
    reordered.updateColumns({ x: shuffled(drifted, 8) });
    expect(t.run(reference.feature('x'), reordered.feature('x'), threshold)).toEqual(fromProfiles);
  });

  it('returns a defined result when a side has no valid value', () => {
    for (const [a, b] of [
      [ref, []],
      [[], ref],
      [ref, [null, Number.NaN, undefined]],
    ] as const) {
      const r = t.run(a as unknown[], b as unknown[], threshold);
      expect(r).toMatchObject({ score: 0, drifted: false, insufficientData: true });
      if (t.meta.kind === 'p-value') expect(r.pValue).toBe(1);
    }
  });

  it('rejects invalid thresholds with a typed error naming the feature', () => {
    for (const bad of [Number.NaN, -1, Infinity]) {
      expect(() => t.run(ref, same, bad, { feature: 'f1' })).toThrow(InvalidParameterError);
    }
    expect(() => t.run(ref, same, Number.NaN, { feature: 'f1' })).toThrow('feature "f1"');
    if (t.meta.kind === 'p-value') expect(() => t.run(ref, same, 1.5)).toThrow(InvalidParameterError);
  });

  it('rejects feature types it does not support, naming the feature', () => {
    const reference = ReferenceProfile.fromColumns({ c: ['a', 'b', 'a'], n: [1, 2, 3.5] }, [
      { name: 'c', type: 'categorical' },
      { name: 'n', type: 'numerical' },
    ]);
    if (!t.meta.featureTypes.includes('categorical')) {
      expect(() => t.run(reference.feature('c'), ['a', 'b'])).toThrow(UnsupportedFeatureTypeError);
      expect(() => t.run(reference.feature('c'), ['a', 'b'])).toThrow('feature "c"');
    } else {
      // both types supported: mixing them is still a mismatch
      expect(() => t.run(reference.feature('c'), reference.feature('n'))).toThrow(FeatureTypeMismatchError);
      expect(() => t.run(reference.feature('c'), reference.feature('n'))).toThrow('feature "c"');
    }
  });
});
