import { SchemaMismatchError } from '../errors';
import { Mulberry32 } from '../random';
import type { FeatureSchema, Row } from './feature-schema';
import { mergeAll, mergeProfiles } from './merge-profiles';
import { profileFromJSON, profileToJSONText } from './profile-json';
import { ReferenceProfile } from './reference-profile';
import { WindowProfile } from './window-profile';
import { NumericalFeatureProfile } from './numerical-feature-profile';
import { CategoricalFeatureProfile } from './categorical-feature-profile';
import type { DatasetProfile } from './dataset-profile';

const schema: FeatureSchema[] = [
  { name: 'age', type: 'numerical' },
  { name: 'income', type: 'numerical' },
  { name: 'city', type: 'categorical' },
  { name: 'member', type: 'boolean' },
  { name: 'score', type: 'numerical', role: 'prediction' },
];

function rows(n: number, seed: number, shift = 0): Row[] {
  const rng = new Mulberry32(seed);
  return Array.from({ length: n }, () => ({
    age: Math.floor(18 + rng.next() * 60 + shift),
    income: 1000 * (rng.next() + rng.next() + rng.next()) + shift * 100,
    city: ['paris', 'lyon', 'nice', 'lille'][rng.nextInt(4)] ?? 'paris',
    member: rng.next() < 0.3 + shift / 100,
    score: rng.next(),
  }));
}

const reference = ReferenceProfile.fromRows(rows(3000, 1), schema, { seed: 3 });

function windowOf(data: Row[], seed = 0): WindowProfile {
  const w = WindowProfile.forReference(reference, { seed });
  w.updateRows(data);
  return w;
}

/** The parts of a profile that merge exactly. */
function exactParts(p: DatasetProfile): unknown {
  return p.features().map((f) => {
    if (f instanceof NumericalFeatureProfile) {
      const s = f.summary();
      // moments included: they are kept as exact sums, so they merge bit for bit
      return { name: f.name, ...s, histogram: Array.from(f.histogram()) };
    }
    const c = f as CategoricalFeatureProfile;
    return { name: c.name, summary: c.summary(), counts: [...c.categoryCounts().entries()].sort() };
  });
}

describe('ReferenceProfile', () => {
  it('derives bin edges and categories from the reference', () => {
    const age = reference.feature('age') as NumericalFeatureProfile;
    expect(age.spec.edges.length).toBe(9); // deciles of many distinct ages
    expect(age.spec.distinct).toBeGreaterThan(5);
    const city = reference.feature('city') as CategoricalFeatureProfile;
    expect(city.spec.categories).toEqual(['lille', 'lyon', 'nice', 'paris']);
    expect(reference.feature('member').spec).toMatchObject({ type: 'boolean', categories: ['false', 'true'] });
    expect(reference.feature('score').spec.role).toBe('prediction');
    expect(reference.rows).toBe(3000);
  });

  it('keeps low-cardinality numerical features value by value', () => {
    const ref = ReferenceProfile.fromColumns({ x: [0, 1, 1, 2, 2, 2, 0] }, [{ name: 'x', type: 'numerical' }]);
    expect(ref.feature('x').spec).toMatchObject({ edges: [0, 1, 2], distinct: 3 });
    expect(Array.from((ref.feature('x') as NumericalFeatureProfile).histogram())).toEqual([2, 2, 3, 0]);
  });
});

describe('merge laws', () => {
  const a = rows(1500, 10);
  const b = rows(900, 11, 5);
  const c = rows(1200, 12, -3);

  it('merge(profile(A), profile(B)) equals profile(A ∪ B): exact counts, histograms, extremes, moments', () => {
    const merged = mergeProfiles(windowOf(a), windowOf(b));
    const whole = windowOf([...a, ...b]);
    expect(exactParts(merged)).toEqual(exactParts(whole));
    expect(merged.rows).toBe(whole.rows);
  });

  it('is commutative and associative', () => {
    const [pa, pb, pc] = [windowOf(a, 1), windowOf(b, 2), windowOf(c, 3)];
    expect(exactParts(mergeProfiles(pa, pb))).toEqual(exactParts(mergeProfiles(pb, pa)));
    const left = mergeProfiles(mergeProfiles(pa, pb), pc);
    const right = mergeProfiles(pa, mergeProfiles(pb, pc));
    expect(exactParts(left)).toEqual(exactParts(right));
  });

  it('keeps quantiles within the sketch bound after merging 16 partitions', () => {
    const data = rows(16 * 500, 20);
    const parts = Array.from({ length: 16 }, (_, p) => windowOf(data.slice(p * 500, (p + 1) * 500), p));
    const merged = mergeAll(parts);
    const income = data.map((r) => r['income'] as number).sort((x, y) => x - y);
    const sketchProfile = merged.feature('income') as NumericalFeatureProfile;
    for (const q of [0.1, 0.25, 0.5, 0.75, 0.9]) {
      const estimate = sketchProfile.quantile(q);
      const rank = income.filter((v) => v <= estimate).length / income.length;
      expect(Math.abs(rank - q)).toBeLessThanOrEqual(0.012);
    }
    expect(merged.rows).toBe(data.length);
  });

  it('leaves its inputs untouched', () => {
    const pa = windowOf(a);
    const before = profileToJSONText(pa);
    mergeProfiles(pa, windowOf(b));
    expect(profileToJSONText(pa)).toBe(before);
  });

  it('refuses profiles of different schemas, naming the feature', () => {
    const other = ReferenceProfile.fromRows(rows(100, 2), [{ name: 'age', type: 'categorical' }, ...schema.slice(1)]);
    const w = WindowProfile.forReference(other);
    expect(() => mergeProfiles(windowOf(a), w)).toThrow(SchemaMismatchError);
    expect(() => mergeProfiles(windowOf(a), w)).toThrow('feature "age"');
    const small = WindowProfile.forReference(reference, { sketchK: 64 });
    expect(() => mergeProfiles(windowOf(a), small)).toThrow('feature "age": schemas differ: sketch k 200 and 64');
    expect(() => mergeProfiles<DatasetProfile>(reference, windowOf(a))).toThrow('cannot merge a reference profile with a window profile');
  });
});

describe('JSON round trip', () => {
  it('restores a profile exactly, and it continues identically', () => {
    const w = windowOf(rows(2000, 30));
    const text = profileToJSONText(w);
    const restored = profileFromJSON(text) as WindowProfile;
    expect(restored).toBeInstanceOf(WindowProfile);
    expect(profileToJSONText(restored)).toBe(text);
    const more = rows(700, 31);
    w.updateRows(more);
    restored.updateRows(more);
    expect(profileToJSONText(restored)).toBe(profileToJSONText(w));
  });

  it('restores reference profiles', () => {
    const restored = profileFromJSON(reference.toJSON());
    expect(restored).toBeInstanceOf(ReferenceProfile);
    expect(profileToJSONText(restored)).toBe(profileToJSONText(reference));
  });

  it('rejects malformed JSON with the path of the problem', () => {
    expect(() => profileFromJSON('{')).toThrow('invalid profile JSON at $: not JSON');
    expect(() => profileFromJSON({ format: 'x' })).toThrow('at $.format');
    const json = JSON.parse(profileToJSONText(reference)) as { features: { count: unknown }[] };
    json.features[1].count = -1;
    expect(() => profileFromJSON(json)).toThrow('at $.features[1].count: expected a non-negative integer');
  });
});

describe('bounded memory', () => {
  it('serializes to the same size whatever the stream length', () => {
    const short = windowOf(rows(20_000, 40));
    const long = windowOf(rows(20_000, 40));
    for (let i = 0; i < 9; i++) long.updateRows(rows(20_000, 41 + i));
    const s = profileToJSONText(short).length;
    const l = profileToJSONText(long).length;
    expect(l).toBeLessThan(s * 1.25);
  });
});
