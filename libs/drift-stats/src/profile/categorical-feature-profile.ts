import { SchemaMismatchError } from '../errors';
import { CategoricalView, OTHER_CATEGORY } from '../views/feature-view';
import type { CategoricalFeatureSpec } from './feature-spec';
import { JsonRecord, readArray, readCount, readObject, readString } from './json-guards';
import { booleanKey, categoryKey, isMissing } from './values';

export interface CategoricalFeatureProfileJson {
  readonly spec: CategoricalFeatureSpec;
  readonly count: number;
  readonly missing: number;
  readonly invalid: number;
  /** [category, count] pairs in first-seen order. */
  readonly counts: readonly (readonly [string, number])[];
  readonly other: number;
}

/**
 * Mergeable summary of a categorical or boolean column: exact counts per category, up to
 * `maxCategories` categories; further new categories are counted in one "other" bucket (never
 * dropped). Reference categories are always tracked. Counts are doubles, exact to 2^53.
 *
 * Merge laws: exact (commutative and associative) while the union stays within the cap. Past
 * the cap, the kept set is the reference categories plus the most frequent others (ties by
 * name), the rest folded into "other": deterministic and commutative, and the total is exact.
 */
export class CategoricalFeatureProfile {
  private readonly index = new Map<string, number>();
  private keys: string[] = [];
  private counts = new Float64Array(16);
  private n = 0;
  private nMissing = 0;
  private nInvalid = 0;
  private other = 0;
  private readonly keyOf: (v: unknown) => string | null;
  private cached: CategoricalView | null = null;

  constructor(readonly spec: CategoricalFeatureSpec) {
    this.keyOf = spec.type === 'boolean' ? booleanKey : categoryKey;
    for (const category of spec.categories) this.slot(category);
  }

  get name(): string {
    return this.spec.name;
  }

  get type(): 'categorical' | 'boolean' {
    return this.spec.type;
  }

  update(v: unknown): void {
    this.cached = null;
    const key = typeof v === 'string' && this.spec.type === 'categorical' ? v : this.keyOf(v);
    if (key === null) {
      if (isMissing(v)) this.nMissing++;
      else this.nInvalid++;
      return;
    }
    this.n++;
    const i = this.index.get(key);
    if (i !== undefined) {
      this.counts[i]++;
    } else if (this.keys.length < this.spec.maxCategories) {
      this.counts[this.slot(key)]++;
    } else {
      this.other++;
    }
  }

  updateMany(values: ArrayLike<unknown>): void {
    for (let i = 0; i < values.length; i++) this.update(values[i]);
  }

  addMissing(count: number): void {
    this.cached = null;
    this.nMissing += count;
  }

  mergeFrom(other: CategoricalFeatureProfile): void {
    if (other.spec.name !== this.spec.name) throw new SchemaMismatchError(this.spec.name, `cannot merge ${other.spec.name}`);
    this.cached = null;
    for (let j = 0; j < other.keys.length; j++) {
      const c = other.counts[j];
      this.counts[this.slot(other.keys[j])] += c;
    }
    this.n += other.n;
    this.nMissing += other.nMissing;
    this.nInvalid += other.nInvalid;
    this.other += other.other;
    if (this.keys.length > this.spec.maxCategories) this.enforceCap();
  }

  /** Category → count (a copy), with "other" under {@link OTHER_CATEGORY} when non-zero. */
  categoryCounts(): Map<string, number> {
    const m = new Map<string, number>();
    for (let i = 0; i < this.keys.length; i++) m.set(this.keys[i], this.counts[i]);
    if (this.other > 0) m.set(OTHER_CATEGORY, (m.get(OTHER_CATEGORY) ?? 0) + this.other);
    return m;
  }

  summary(): { count: number; missing: number; invalid: number; categories: number; other: number } {
    return { count: this.n, missing: this.nMissing, invalid: this.nInvalid, categories: this.keys.length, other: this.other };
  }

  toView(): CategoricalView {
    if (this.cached !== null) return this.cached;
    this.cached = {
      kind: 'categorical',
      featureType: this.spec.type,
      feature: this.spec.name,
      count: this.n,
      missing: this.nMissing,
      invalid: this.nInvalid,
      counts: this.categoryCounts(),
    };
    return this.cached;
  }

  clone(): CategoricalFeatureProfile {
    return CategoricalFeatureProfile.fromJSON(this.toJSON(), this.spec);
  }

  toJSON(): CategoricalFeatureProfileJson {
    return {
      spec: this.spec,
      count: this.n,
      missing: this.nMissing,
      invalid: this.nInvalid,
      counts: this.keys.map((k, i) => [k, this.counts[i]] as const),
      other: this.other,
    };
  }

  /** Restore from {@link toJSON} output; `spec` must already be validated (see profile-json.ts). */
  static fromJSON(json: unknown, spec: CategoricalFeatureSpec, path = 'feature'): CategoricalFeatureProfile {
    const record: JsonRecord = readObject(json, path);
    const profile = new CategoricalFeatureProfile(spec);
    readArray(record['counts'], `${path}.counts`).forEach((entry, i) => {
      const pair = readArray(entry, `${path}.counts[${i}]`);
      const key = readString(pair[0], `${path}.counts[${i}][0]`);
      profile.counts[profile.slot(key)] += readCount(pair[1], `${path}.counts[${i}][1]`);
    });
    profile.n = readCount(record['count'], `${path}.count`);
    profile.nMissing = readCount(record['missing'], `${path}.missing`);
    profile.nInvalid = readCount(record['invalid'], `${path}.invalid`);
    profile.other = readCount(record['other'], `${path}.other`);
    return profile;
  }

  private slot(key: string): number {
    const existing = this.index.get(key);
    if (existing !== undefined) return existing;
    const i = this.keys.length;
    if (i >= this.counts.length) {
      const grown = new Float64Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    this.keys.push(key);
    this.index.set(key, i);
    return i;
  }

  private enforceCap(): void {
    const protectedKeys = new Set(this.spec.categories);
    const entries = this.keys.map((k, i) => ({ k, c: this.counts[i], keep: protectedKeys.has(k) }));
    const room = Math.max(0, this.spec.maxCategories - protectedKeys.size);
    const others = entries
      .filter((e) => !e.keep)
      .sort((a, b) => b.c - a.c || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    const kept = new Set(others.slice(0, room).map((e) => e.k));
    let folded = 0;
    const survivors = entries.filter((e) => {
      if (e.keep || kept.has(e.k)) return true;
      folded += e.c;
      return false;
    });
    this.index.clear();
    this.keys = [];
    this.counts = new Float64Array(Math.max(16, survivors.length));
    for (const e of survivors) this.counts[this.slot(e.k)] = e.c;
    this.other += folded;
  }
}
