import { SchemaMismatchError } from '../errors';
import { CategoricalFeatureProfile } from '../profile/categorical-feature-profile';
import type { FeatureSchema } from '../profile/feature-schema';
import { mergeProfiles } from '../profile/merge-profiles';
import { NumericalFeatureProfile } from '../profile/numerical-feature-profile';
import { profileFromJSON } from '../profile/profile-json';
import { ReferenceProfile } from '../profile/reference-profile';
import { WindowProfile } from '../profile/window-profile';
import { STAT_TESTS } from '../stat-tests/registry';
import { evaluateDrift } from './evaluate-drift';

const schema: FeatureSchema[] = [
  { name: 'x', type: 'numerical' },
  { name: 'c', type: 'categorical' },
  { name: 'b', type: 'boolean' },
];
const junk: unknown[] = [null, undefined, Number.NaN, Infinity, -Infinity, '3.5', {}, [], () => 1, Symbol('s'), BigInt(3), new Date(0)];

function reference(n = 200): ReferenceProfile {
  return ReferenceProfile.fromColumns(
    {
      x: Array.from({ length: n }, (_, i) => (i % 50) / 10),
      c: Array.from({ length: n }, (_, i) => ['u', 'v', 'w'][i % 3]),
      b: Array.from({ length: n }, (_, i) => i % 4 === 0),
    },
    schema,
  );
}

describe('bad input', () => {
  it('counts NaN, Infinity, null and wrong-typed values as missing or invalid, never throwing', () => {
    const w = WindowProfile.forReference(reference());
    expect(() => w.updateRows(junk.map((v) => ({ x: v, c: v, b: v })))).not.toThrow();
    w.update({}); // absent columns are missing
    const x = (w.feature('x') as NumericalFeatureProfile).summary();
    expect(x).toMatchObject({ count: 0, missing: 4, invalid: 9 });
    const c = (w.feature('c') as CategoricalFeatureProfile).summary();
    // categorical reads finite numbers and strings as categories ("3.5")
    expect(c).toMatchObject({ count: 1, missing: 4, invalid: 8 });
    const b = (w.feature('b') as CategoricalFeatureProfile).summary();
    expect(b).toMatchObject({ count: 0, missing: 4, invalid: 9 });
    expect(w.rows).toBe(junk.length + 1);
  });

  it('reports the share of missing values per column', () => {
    const w = WindowProfile.forReference(reference());
    w.updateRows([{ x: 1, c: 'u', b: true }, { x: null, c: 'u', b: false }, { x: 'oops', c: 'v', b: true }, { x: 2, c: 'w', b: true }]);
    const e = evaluateDrift(reference(), w);
    expect(e.columns.find((col) => col.name === 'x')!.currentMissingShare).toBe(0.5);
  });

  it('gives defined results for an empty window and all-missing features', () => {
    const empty = WindowProfile.forReference(reference());
    const e = evaluateDrift(reference(), empty);
    expect(e.columns.every((c) => c.insufficientData && !c.drifted && c.score === 0)).toBe(true);
    expect(e.datasetDrift).toMatchObject({ share: 0, drifted: false, evaluatedCount: 0, skippedCount: 3 });
    const allMissing = WindowProfile.forReference(reference());
    allMissing.updateColumns({ x: [null, Number.NaN], c: ['a', 'b'], b: [true, false] });
    const f = evaluateDrift(reference(), allMissing);
    expect(f.columns[0]).toMatchObject({ name: 'x', insufficientData: true, drifted: false });
    expect(f.datasetDrift.evaluatedCount).toBe(2);
  });

  it('handles constant columns (zero variance) in every numerical test', () => {
    const constant = new Array<number>(100).fill(3);
    for (const t of STAT_TESTS.values()) {
      if (!t.meta.featureTypes.includes('numerical')) continue;
      const threshold = t.meta.defaultThreshold ?? 0.5;
      const same = t.run(constant, constant.slice(0, 40), threshold);
      expect({ method: t.meta.method, drifted: same.drifted, finite: Number.isFinite(same.score) }).toEqual({ method: t.meta.method, drifted: false, finite: true });
      const moved = t.run(constant, new Array<number>(40).fill(4), threshold);
      expect({ method: t.meta.method, drifted: moved.drifted, finite: Number.isFinite(moved.score) }).toEqual({ method: t.meta.method, drifted: true, finite: true });
    }
  });

  it('handles a single category, and counts unseen categories', () => {
    const single = new Array<string>(50).fill('only');
    for (const t of STAT_TESTS.values()) {
      if (!t.meta.featureTypes.includes('categorical')) continue;
      const r = t.run(single, single.slice(0, 20), t.meta.defaultThreshold ?? 0.5);
      expect({ method: t.meta.method, drifted: r.drifted, score: r.score }).toEqual({ method: t.meta.method, drifted: false, score: 0 });
    }
    const ref = reference();
    const w = WindowProfile.forReference(ref);
    w.updateColumns({ c: [...new Array<string>(30).fill('new'), 'u', 'v'] });
    const counts = (w.feature('c') as CategoricalFeatureProfile).categoryCounts();
    expect(counts.get('new')).toBe(30);
    const e = evaluateDrift(ref, w);
    expect(e.columns.find((c) => c.name === 'c')!.drifted).toBe(true);
  });

  it('folds categories beyond the cap into "other" without losing counts', () => {
    const ref = ReferenceProfile.fromColumns({ c: ['a', 'b'] }, [{ name: 'c', type: 'categorical' }], { maxCategories: 4 });
    const w = WindowProfile.forReference(ref);
    w.updateColumns({ c: ['a', 'x1', 'x2', 'x3', 'x4', 'x5'] });
    const counts = (w.feature('c') as CategoricalFeatureProfile).categoryCounts();
    expect([...counts.entries()]).toEqual([['a', 1], ['b', 0], ['x1', 1], ['x2', 1], ['__other__', 3]]);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(6);
  });

  it('handles counts beyond 2^31', () => {
    const ref = reference();
    let w = WindowProfile.forReference(ref);
    w.updateColumns({ x: Array.from({ length: 1000 }, (_, i) => (i % 47) / 9), c: Array.from({ length: 1000 }, (_, i) => ['u', 'v', 'w', 'z'][i % 4]), b: Array.from({ length: 1000 }, (_, i) => i % 3 === 0) });
    for (let i = 0; i < 22; i++) w = mergeProfiles(w, w); // 1000 · 2^22 ≈ 4.2e9 rows
    expect(w.rows).toBe(1000 * 2 ** 22);
    expect(w.rows).toBeGreaterThan(2 ** 31);
    const restored = profileFromJSON(JSON.parse(JSON.stringify(w.toJSON())));
    expect(restored.rows).toBe(w.rows);
    expect((restored.feature('x') as NumericalFeatureProfile).summary().count).toBe(1000 * 2 ** 22);
    const e = evaluateDrift(ref, restored);
    for (const c of e.columns) {
      expect(Number.isFinite(c.score)).toBe(true);
      expect(c.currentCount).toBeGreaterThan(2 ** 31);
    }
    for (const t of STAT_TESTS.values()) {
      const f = t.meta.featureTypes.includes('numerical') ? 'x' : 'c';
      const r = t.run(ref.feature(f), restored.feature(f), t.meta.defaultThreshold ?? 0.5);
      expect({ method: t.meta.method, finite: Number.isFinite(r.score) && (r.pValue === undefined || Number.isFinite(r.pValue)) }).toEqual({ method: t.meta.method, finite: true });
    }
  });

  it('throws a typed error naming the feature when schemas do not match', () => {
    const ref = reference();
    const other = ReferenceProfile.fromColumns({ x: ['a'], c: ['u'], b: [true] }, [{ name: 'x', type: 'categorical' }, schema[1], schema[2]]);
    expect(() => evaluateDrift(ref, WindowProfile.forReference(other))).toThrow(SchemaMismatchError);
    expect(() => evaluateDrift(ref, WindowProfile.forReference(other))).toThrow('feature "x": schemas differ: types numerical and categorical');
    const fewer = ReferenceProfile.fromColumns({ x: [1], c: ['u'] }, schema.slice(0, 2));
    expect(() => evaluateDrift(ref, WindowProfile.forReference(fewer))).toThrow('feature "b"');
    expect(() => evaluateDrift(ref, WindowProfile.forReference(ref), { columns: { nope: { method: 'ks' } } })).toThrow('feature "nope"');
    expect(() => evaluateDrift(ref, WindowProfile.forReference(ref), { columns: { c: { method: 'ks' } } })).toThrow('feature "c": stat test ks does not support categorical');
    expect(() => evaluateDrift(ref, WindowProfile.forReference(ref), { columns: { c: { method: 'nope' as 'ks' } } })).toThrow('feature "c": unknown stat test "nope"');
    expect(() => evaluateDrift(ref, WindowProfile.forReference(ref), { columns: { x: { method: 'wasserstein' } } })).toThrow('feature "x": invalid threshold');
  });
});
