import { InvalidParameterError, SchemaMismatchError } from '../errors';
import { CategoricalFeatureProfile } from './categorical-feature-profile';
import type { Columns, FeatureSchema, Row } from './feature-schema';
import { FeatureProfile, mergeFeatureInto } from './feature-profile';
import { assertSameSpec, FeatureSpec } from './feature-spec';
import { NumericalFeatureProfile } from './numerical-feature-profile';
import type { CategoricalFeatureProfileJson } from './categorical-feature-profile';
import type { NumericalFeatureProfileJson } from './numerical-feature-profile';

export const PROFILE_FORMAT = 'mlops.drift-stats.profile';
export const PROFILE_FORMAT_VERSION = 1;

export type ProfileKind = 'reference' | 'window';

export interface DatasetProfileJson {
  readonly format: typeof PROFILE_FORMAT;
  readonly version: typeof PROFILE_FORMAT_VERSION;
  readonly kind: ProfileKind;
  readonly seed: number;
  readonly rows: number;
  readonly features: readonly (NumericalFeatureProfileJson | CategoricalFeatureProfileJson)[];
}

/**
 * A set of feature profiles over one schema: what is kept of a dataset instead of its rows.
 * Updates are row-wise, batch-wise or column-wise; any value of any type is accepted and
 * counted (valid, missing or invalid), so the hot path never throws on data.
 */
export abstract class DatasetProfile {
  protected readonly byName: Map<string, FeatureProfile>;
  protected rowCount: number;

  protected constructor(
    readonly kind: ProfileKind,
    protected readonly list: FeatureProfile[],
    readonly seed: number,
    rows = 0,
  ) {
    this.byName = new Map(list.map((f) => [f.name, f]));
    if (this.byName.size !== list.length) throw new InvalidParameterError('schema', list.map((f) => f.name), 'unique feature names');
    this.rowCount = rows;
  }

  /** Rows seen. */
  get rows(): number {
    return this.rowCount;
  }

  get schema(): FeatureSchema[] {
    return this.list.map((f) => ({ name: f.spec.name, type: f.spec.type, role: f.spec.role }));
  }

  get specs(): FeatureSpec[] {
    return this.list.map((f) => f.spec);
  }

  /** Feature profiles in schema order. */
  features(): readonly FeatureProfile[] {
    return this.list;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The profile of one feature; throws SchemaMismatchError naming it when absent. */
  feature(name: string): FeatureProfile {
    const f = this.byName.get(name);
    if (f === undefined) throw new SchemaMismatchError(name, `not in this ${this.kind} profile`);
    return f;
  }

  /** Record one row; absent columns count as missing, extra columns are ignored. */
  update(row: Row): void {
    const list = this.list;
    for (let i = 0; i < list.length; i++) list[i].update(row[list[i].name]);
    this.rowCount++;
  }

  updateRows(rows: readonly Row[]): void {
    for (let r = 0; r < rows.length; r++) this.update(rows[r]);
  }

  /** Record a batch of columns of equal length; absent columns count as missing. */
  updateColumns(columns: Columns): void {
    const length = columnLength(columns);
    for (const f of this.list) {
      const values = columns[f.name];
      if (values === undefined) f.addMissing(length);
      else f.updateMany(values);
    }
    this.rowCount += length;
  }

  /** Fold another profile with the same schema and specs into this one. */
  mergeFrom(other: DatasetProfile): void {
    assertSameSchema(this, other);
    for (let i = 0; i < this.list.length; i++) mergeFeatureInto(this.list[i], other.list[i]);
    this.rowCount += other.rowCount;
  }

  toJSON(): DatasetProfileJson {
    return {
      format: PROFILE_FORMAT,
      version: PROFILE_FORMAT_VERSION,
      kind: this.kind,
      seed: this.seed,
      rows: this.rowCount,
      features: this.list.map((f) => f.toJSON()),
    };
  }

  /** A deep copy (same kind). */
  abstract clone(): DatasetProfile;

  protected clonedFeatures(): FeatureProfile[] {
    return this.list.map((f) => f.clone());
  }
}

/** Throws SchemaMismatchError naming the first feature whose presence, type or spec differs. */
export function assertSameSchema(a: DatasetProfile, b: DatasetProfile, compareMemory = true): void {
  const fa = a.features();
  const fb = b.features();
  for (const f of fa) {
    if (!b.has(f.name)) throw new SchemaMismatchError(f.name, `missing from the other ${b.kind} profile`);
  }
  for (const f of fb) {
    if (!a.has(f.name)) throw new SchemaMismatchError(f.name, `missing from the other ${a.kind} profile`);
  }
  for (let i = 0; i < fa.length; i++) {
    if (fa[i].name !== fb[i].name) throw new SchemaMismatchError(fa[i].name, 'features are in a different order');
    assertSameSpec(fa[i].spec, fb[i].spec, compareMemory);
  }
}

export function columnLength(columns: Columns): number {
  let length = -1;
  for (const [name, values] of Object.entries(columns)) {
    if (length === -1) length = values.length;
    else if (values.length !== length) {
      throw new InvalidParameterError('columns', values.length, `every column to have ${length} values`, name);
    }
  }
  return Math.max(length, 0);
}

export function createFeatureProfile(spec: FeatureSpec, seed: number): FeatureProfile {
  return spec.type === 'numerical' ? new NumericalFeatureProfile(spec, seed) : new CategoricalFeatureProfile(spec);
}
