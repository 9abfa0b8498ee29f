import { ProfileFormatError, SchemaMismatchError } from '../errors';
import { ExactAccumulator, exactVariance } from '../math/exact-accumulator';
import { deriveSeed } from '../random';
import { KllSketch, Reservoir, supportFromSorted, supportQuantile } from '../sketch';
import type { NumericalView } from '../views/feature-view';
import { binIndex } from './bin-edges';
import type { NumericalFeatureSpec } from './feature-spec';
import { JsonRecord, readCount, readCounts, readNullableNumber, readNumbers, readObject } from './json-guards';
import { isMissing } from './values';
import type { KllSketchJson, ReservoirJson } from '../sketch';

/** Beyond this magnitude a square would overflow: such values skip Σx² (variance = +Infinity). */
const LARGE = 1e150;

function readExpansion(value: unknown, path: string): ExactAccumulator {
  const terms = readNumbers(value, path);
  if (terms.length > 64) throw new ProfileFormatError(path, 'too many partials');
  return new ExactAccumulator(terms);
}

/** Summary statistics of a numerical profile. */
export interface NumericalSummary {
  readonly count: number;
  readonly missing: number;
  readonly invalid: number;
  readonly mean: number;
  /** Population variance (divisor n); 0 when count ≤ 1. */
  readonly variance: number;
  readonly min: number;
  readonly max: number;
}

export interface NumericalFeatureProfileJson {
  readonly spec: NumericalFeatureSpec;
  readonly count: number;
  readonly missing: number;
  readonly invalid: number;
  /** Exact Σx as non-overlapping partials (see math/exact-accumulator.ts). */
  readonly sum: readonly number[];
  /** Exact Σx² as partials; excludes values with |x| > 1e150 (counted in `largeValues`). */
  readonly sumSquares: readonly number[];
  readonly largeValues: number;
  readonly min: number | null;
  readonly max: number | null;
  readonly histogram: readonly number[];
  readonly sketch: KllSketchJson;
  readonly sample: ReservoirJson;
}

/**
 * Mergeable, bounded-memory summary of one numerical column: exact counts, exact moments (Σx and
 * Σx² kept without rounding, see math/exact-accumulator.ts), min/max, a histogram on the
 * reference's bin edges, a KLL quantile sketch and an optional seeded reservoir sample.
 *
 * Merge laws: counts, histogram, min, max and moments merge exactly — merge(A, B) has bit for bit
 * the mean and variance of the profile of A ∪ B, in any order or grouping; the sketch within its
 * rank-error bound; the sample is the bottom-k sample of the union (see sketch/reservoir.ts).
 * Values with |x| > 1e150 (whose square would overflow) make the variance +Infinity.
 */
export class NumericalFeatureProfile {
  readonly type = 'numerical' as const;
  private readonly edges: Float64Array;
  private readonly bins: Float64Array;
  private n = 0;
  private nMissing = 0;
  private nInvalid = 0;
  private sum = new ExactAccumulator();
  private sumSquares = new ExactAccumulator();
  private largeValues = 0;
  private lo = Infinity;
  private hi = -Infinity;
  private readonly sketch: KllSketch;
  private readonly reservoir: Reservoir;
  private cached: NumericalView | null = null;

  constructor(
    readonly spec: NumericalFeatureSpec,
    seed = 0,
    state?: { sketch: KllSketch; reservoir: Reservoir },
  ) {
    this.edges = Float64Array.from(spec.edges);
    this.bins = new Float64Array(spec.edges.length + 1);
    this.sketch = state?.sketch ?? new KllSketch(spec.sketchK, deriveSeed(seed, `${spec.name}/sketch`));
    this.reservoir = state?.reservoir ?? new Reservoir(spec.sampleSize, deriveSeed(seed, `${spec.name}/sample`));
  }

  get name(): string {
    return this.spec.name;
  }

  /** Record one raw value; anything but a finite number is counted as missing or invalid. */
  update(v: unknown): void {
    this.cached = null;
    if (typeof v !== 'number' || v - v !== 0) {
      if (isMissing(v)) this.nMissing++;
      else this.nInvalid++;
      return;
    }
    this.n++;
    this.sum.add(v);
    if (v < LARGE && v > -LARGE) this.sumSquares.addSquare(v);
    else this.largeValues++;
    if (v < this.lo) this.lo = v;
    if (v > this.hi) this.hi = v;
    this.bins[binIndex(this.edges, v)]++;
    this.sketch.update(v);
    if (this.reservoir.capacity > 0) this.reservoir.offer(v);
  }

  updateMany(values: ArrayLike<unknown>): void {
    for (let i = 0; i < values.length; i++) this.update(values[i]);
  }

  /** Record `count` missing values at once (a column absent from a batch). */
  addMissing(count: number): void {
    this.cached = null;
    this.nMissing += count;
  }

  /** Fold another profile of the same feature and spec into this one. */
  mergeFrom(other: NumericalFeatureProfile): void {
    if (other.spec.name !== this.spec.name) throw new SchemaMismatchError(this.spec.name, `cannot merge ${other.spec.name}`);
    this.cached = null;
    this.n += other.n;
    this.sum.addAll(other.sum);
    this.sumSquares.addAll(other.sumSquares);
    this.largeValues += other.largeValues;
    this.nMissing += other.nMissing;
    this.nInvalid += other.nInvalid;
    this.lo = Math.min(this.lo, other.lo);
    this.hi = Math.max(this.hi, other.hi);
    for (let i = 0; i < this.bins.length; i++) this.bins[i] += other.bins[i];
    this.sketch.merge(other.sketch);
    this.reservoir.merge(other.reservoir);
  }

  summary(): NumericalSummary {
    return {
      count: this.n,
      missing: this.nMissing,
      invalid: this.nInvalid,
      mean: this.n === 0 ? Number.NaN : this.sum.value() / this.n,
      variance: this.n === 0 ? Number.NaN : this.largeValues > 0 ? Infinity : exactVariance(this.n, this.sum, this.sumSquares),
      min: this.n === 0 ? Number.NaN : this.lo,
      max: this.n === 0 ? Number.NaN : this.hi,
    };
  }

  /** Histogram counts on the reference edges (a copy). */
  histogram(): Float64Array {
    return this.bins.slice();
  }

  /** Approximate quantile from the sketch (exact when the sample holds every value). */
  quantile(q: number): number {
    return supportQuantile(this.toView().distribution, q);
  }

  /** The reservoir sample (unsorted copy). */
  sample(): Float64Array {
    return this.reservoir.sample();
  }

  /** A read-only view for stat tests; cached until the next update or merge. */
  toView(): NumericalView {
    if (this.cached !== null) return this.cached;
    const s = this.summary();
    const exact = this.n === 0 || (this.reservoir.complete && this.reservoir.seen === this.n && this.reservoir.capacity > 0);
    const sorted = exact ? this.reservoir.sample().sort() : null;
    this.cached = {
      kind: 'numerical',
      featureType: 'numerical',
      feature: this.spec.name,
      count: s.count,
      missing: s.missing,
      invalid: s.invalid,
      mean: s.mean,
      variance: s.variance,
      min: s.min,
      max: s.max,
      distribution: sorted !== null ? supportFromSorted(sorted) : this.sketch.support(),
      exact,
      sorted,
      histogram: { edges: this.edges.slice(), counts: this.bins.slice() },
    };
    return this.cached;
  }

  clone(): NumericalFeatureProfile {
    return NumericalFeatureProfile.fromJSON(this.toJSON(), this.spec);
  }

  toJSON(): NumericalFeatureProfileJson {
    return {
      spec: this.spec,
      count: this.n,
      missing: this.nMissing,
      invalid: this.nInvalid,
      sum: this.sum.terms(),
      sumSquares: this.sumSquares.terms(),
      largeValues: this.largeValues,
      min: this.n === 0 ? null : this.lo,
      max: this.n === 0 ? null : this.hi,
      histogram: Array.from(this.bins),
      sketch: this.sketch.toJSON(),
      sample: this.reservoir.toJSON(),
    };
  }

  /** Restore from {@link toJSON} output; `spec` must already be validated (see profile-json.ts). */
  static fromJSON(json: unknown, spec: NumericalFeatureSpec, path = 'feature'): NumericalFeatureProfile {
    const record: JsonRecord = readObject(json, path);
    const sketch = KllSketch.fromJSON(readObject(record['sketch'], `${path}.sketch`) as unknown as KllSketchJson, `${path}.sketch`);
    const reservoir = Reservoir.fromJSON(readObject(record['sample'], `${path}.sample`) as unknown as ReservoirJson, `${path}.sample`);
    const profile = new NumericalFeatureProfile(spec, 0, { sketch, reservoir });
    profile.n = readCount(record['count'], `${path}.count`);
    profile.nMissing = readCount(record['missing'], `${path}.missing`);
    profile.nInvalid = readCount(record['invalid'], `${path}.invalid`);
    profile.sum = readExpansion(record['sum'], `${path}.sum`);
    profile.sumSquares = readExpansion(record['sumSquares'], `${path}.sumSquares`);
    profile.largeValues = readCount(record['largeValues'], `${path}.largeValues`);
    profile.lo = readNullableNumber(record['min'], `${path}.min`) ?? Infinity;
    profile.hi = readNullableNumber(record['max'], `${path}.max`) ?? -Infinity;
    const histogram = readCounts(record['histogram'], `${path}.histogram`);
    if (histogram.length !== profile.bins.length) {
      throw new SchemaMismatchError(spec.name, `histogram has ${histogram.length} bins, edges imply ${profile.bins.length}`);
    }
    profile.bins.set(histogram);
    return profile;
  }
}
