import { InvalidParameterError } from '../errors';
import { DEFAULT_BINS, referenceBinEdges } from './bin-edges';
import { columnLength, createFeatureProfile, DatasetProfile } from './dataset-profile';
import { Columns, FEATURE_TYPES, FeatureSchema, Row } from './feature-schema';
import type { FeatureProfile } from './feature-profile';
import { CategoricalFeatureSpec, DISTINCT_CAP, FeatureSpec, NumericalFeatureSpec } from './feature-spec';
import { categoryKey } from './values';

export interface ReferenceProfileOptions {
  /** Number of reference bins for numerical features (default 10, see bin-edges.ts). */
  readonly bins?: number;
  /** KLL k of the reference sketches (default 400: ≤ 0.6% rank error). */
  readonly sketchK?: number;
  /** Reservoir sample size kept per numerical feature (default 2048): used for exact tests
   *  on small references and for bootstrap calibration. */
  readonly sampleSize?: number;
  /** Category cap per categorical feature (default 1000). */
  readonly maxCategories?: number;
  /** Seed of every random choice (sketch compaction, sampling). Default 0. */
  readonly seed?: number;
}

export const REFERENCE_DEFAULTS = { bins: DEFAULT_BINS, sketchK: 400, sampleSize: 2048, maxCategories: 1000, seed: 0 };

/**
 * The profile of the reference (training) dataset, built once from all of its rows. The
 * reference decides the bin edges of numerical features and the known categories of
 * categorical ones; every window is then profiled against those (see WindowProfile).
 */
export class ReferenceProfile extends DatasetProfile {
  private constructor(features: FeatureProfile[], seed: number, rows: number) {
    super('reference', features, seed, rows);
  }

  /** Build from in-memory columns (two passes: derive the spec, then accumulate). */
  static fromColumns(columns: Columns, schema: readonly FeatureSchema[], options: ReferenceProfileOptions = {}): ReferenceProfile {
    const o = { ...REFERENCE_DEFAULTS, ...options };
    validateSchema(schema);
    const rows = columnLength(columns);
    const features = schema.map((s) => {
      const values = columns[s.name];
      const spec = deriveSpec(s, values ?? [], o);
      const profile = createFeatureProfile(spec, o.seed);
      if (values === undefined) profile.addMissing(rows);
      else profile.updateMany(values);
      return profile;
    });
    return new ReferenceProfile(features, o.seed, rows);
  }

  /** Build from in-memory rows. */
  static fromRows(rows: readonly Row[], schema: readonly FeatureSchema[], options: ReferenceProfileOptions = {}): ReferenceProfile {
    const columns: Record<string, unknown[]> = {};
    for (const s of schema) columns[s.name] = rows.map((r) => r[s.name]);
    if (schema.length === 0) return ReferenceProfile.fromColumns({}, schema, options);
    return ReferenceProfile.fromColumns(columns, schema, options);
  }

  /** An empty reference with given specs (to build a reference in parts and merge them). */
  static fromSpecs(specs: readonly FeatureSpec[], seed = 0): ReferenceProfile {
    return new ReferenceProfile(
      specs.map((s) => createFeatureProfile(s, seed)),
      seed,
      0,
    );
  }

  /** @internal restore from JSON (see profile-json.ts). */
  static restore(features: FeatureProfile[], seed: number, rows: number): ReferenceProfile {
    return new ReferenceProfile(features, seed, rows);
  }

  clone(): ReferenceProfile {
    return new ReferenceProfile(this.clonedFeatures(), this.seed, this.rowCount);
  }
}

function validateSchema(schema: readonly FeatureSchema[]): void {
  const seen = new Set<string>();
  for (const s of schema) {
    if (typeof s.name !== 'string' || s.name.length === 0) throw new InvalidParameterError('feature name', s.name, 'a non-empty string');
    if (seen.has(s.name)) throw new InvalidParameterError('schema', s.name, 'unique feature names', s.name);
    if (!FEATURE_TYPES.includes(s.type)) throw new InvalidParameterError('type', s.type, FEATURE_TYPES.join(' | '), s.name);
    seen.add(s.name);
  }
}

function deriveSpec(s: FeatureSchema, values: ArrayLike<unknown>, o: typeof REFERENCE_DEFAULTS): FeatureSpec {
  const role = s.role ?? 'feature';
  if (s.type === 'numerical') {
    const valid: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === 'number' && Number.isFinite(v)) valid.push(v);
    }
    const sorted = Float64Array.from(valid).sort();
    let distinct = 0;
    for (let i = 0; i < sorted.length && distinct <= DISTINCT_CAP; i++) {
      if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    }
    const spec: NumericalFeatureSpec = {
      name: s.name,
      type: 'numerical',
      role,
      edges: Array.from(referenceBinEdges(sorted, o.bins)),
      distinct,
      sketchK: o.sketchK,
      sampleSize: o.sampleSize,
    };
    return spec;
  }
  const spec: CategoricalFeatureSpec = {
    name: s.name,
    type: s.type,
    role,
    categories: s.type === 'boolean' ? ['false', 'true'] : topCategories(values, o.maxCategories),
    maxCategories: o.maxCategories,
  };
  return spec;
}

/** The most frequent categories (ties by name), at most `cap`. */
function topCategories(values: ArrayLike<unknown>, cap: number): string[] {
  const counts = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const k = categoryKey(values[i]);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, cap)
    .map(([k]) => k)
    .sort();
}
