import { InvalidParameterError, ProfileFormatError } from '../errors';
import { Mulberry32 } from '../random';

/** Serialized form of a {@link Reservoir}. */
export interface ReservoirJson {
  readonly capacity: number;
  readonly seen: number;
  readonly values: readonly number[];
  readonly keys: readonly number[];
  /** Values still to pass over before the next acceptance. */
  readonly skip: number;
  readonly rng: number;
}

/**
 * A uniform random sample of at most `capacity` values from a stream, kept as a bottom-k
 * sample: every value gets an independent Uniform(0,1) key and the sample is the `capacity`
 * values with the smallest keys. Once full, the gap to the next accepted value is geometric
 * with parameter W = the largest key kept, so keys are drawn only for accepted values
 * (Li 1994, "Algorithm L"): O(capacity · (1 + log(n/capacity))) random draws for n values.
 *
 * Merging keeps the `capacity` smallest keys of the union, which is exactly the bottom-k sample
 * of the concatenated stream: merge is commutative and associative on the sample content.
 * Partitions that must be independent should use different seeds.
 * While `seen ≤ capacity` the sample is the complete data, which lets exact tests run on it.
 */
export class Reservoir {
  private values: Float64Array;
  private keys: Float64Array;
  private size = 0;
  private total = 0;
  private skip = 0;
  private readonly rng: Mulberry32;

  constructor(
    readonly capacity: number,
    seed = 0,
  ) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new InvalidParameterError('sampleSize', capacity, 'a non-negative integer');
    }
    this.values = new Float64Array(Math.min(capacity, 1024));
    this.keys = new Float64Array(Math.min(capacity, 1024));
    this.rng = new Mulberry32(seed);
  }

  /** Values offered so far. */
  get seen(): number {
    return this.total;
  }

  /** True while the sample holds every value offered. */
  get complete(): boolean {
    return this.total === this.size;
  }

  /** A copy of the sampled values, in no particular order. */
  sample(): Float64Array {
    return this.values.slice(0, this.size);
  }

  offer(x: number): void {
    this.total++;
    if (this.capacity === 0) return;
    if (this.size < this.capacity) {
      this.push(x, this.nextKey());
      if (this.size === this.capacity) {
        this.heapify();
        this.drawSkip();
      }
      return;
    }
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    this.replaceTop(x, this.rng.next() * this.keys[0]);
    this.drawSkip();
  }

  merge(other: Reservoir): void {
    if (other.capacity !== this.capacity) {
      throw new InvalidParameterError('sampleSize', other.capacity, `the same sample size as this one (${this.capacity})`);
    }
    const n = this.size + other.size;
    const values = new Float64Array(n);
    const keys = new Float64Array(n);
    values.set(this.values.subarray(0, this.size));
    values.set(other.values.subarray(0, other.size), this.size);
    keys.set(this.keys.subarray(0, this.size));
    keys.set(other.keys.subarray(0, other.size), this.size);
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || values[a] - values[b]);
    const keep = Math.min(this.capacity, n);
    this.values = new Float64Array(Math.max(keep, 1));
    this.keys = new Float64Array(Math.max(keep, 1));
    this.size = 0;
    for (let i = 0; i < keep; i++) this.push(values[order[i]], keys[order[i]]);
    this.total += other.total;
    if (this.size === this.capacity && this.capacity > 0) {
      this.heapify();
      this.drawSkip();
    }
  }

  clone(): Reservoir {
    return Reservoir.fromJSON(this.toJSON());
  }

  toJSON(): ReservoirJson {
    return {
      capacity: this.capacity,
      seen: this.total,
      values: Array.from(this.values.subarray(0, this.size)),
      keys: Array.from(this.keys.subarray(0, this.size)),
      skip: this.skip,
      rng: this.rng.state,
    };
  }

  static fromJSON(json: ReservoirJson, path = 'sample'): Reservoir {
    const r = new Reservoir(json.capacity, json.rng);
    const finite = (xs: unknown): xs is number[] =>
      Array.isArray(xs) && xs.every((v) => typeof v === 'number' && Number.isFinite(v));
    if (!finite(json.values) || !finite(json.keys) || json.values.length !== json.keys.length) {
      throw new ProfileFormatError(path, 'values and keys must be arrays of finite numbers of equal length');
    }
    if (json.values.length > json.capacity || json.values.length > json.seen) {
      throw new ProfileFormatError(path, 'more values than capacity or than values seen');
    }
    r.values = new Float64Array(Math.max(json.capacity, 1));
    r.keys = new Float64Array(Math.max(json.capacity, 1));
    for (let i = 0; i < json.values.length; i++) r.push(json.values[i], json.keys[i]);
    r.total = json.seen;
    if (!Number.isInteger(json.skip) || json.skip < 0) throw new ProfileFormatError(`${path}.skip`, 'expected a non-negative integer');
    r.skip = json.skip;
    if (r.size === r.capacity && r.capacity > 0) r.heapify();
    return r;
  }

  private nextKey(): number {
    // (0, 1]: a key of exactly 0 would never be evicted.
    return (this.rng.nextUint32() + 1) / 4294967296;
  }

  private push(value: number, key: number): void {
    if (this.size >= this.values.length) {
      const length = Math.min(this.capacity, Math.max(this.size + 1, this.values.length * 2));
      const values = new Float64Array(length);
      const keys = new Float64Array(length);
      values.set(this.values);
      keys.set(this.keys);
      this.values = values;
      this.keys = keys;
    }
    this.values[this.size] = value;
    this.keys[this.size] = key;
    this.size++;
  }

  /** Number of values to pass over before the next one whose key falls below W. */
  private drawSkip(): void {
    const w = this.keys[0];
    if (w >= 1) {
      this.skip = 0;
      return;
    }
    const u = this.nextKey();
    this.skip = Math.floor(Math.log(u) / Math.log1p(-w));
  }

  // Max-heap on keys: keys[0] is the largest kept key, W.
  private heapify(): void {
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private replaceTop(value: number, key: number): void {
    this.values[0] = value;
    this.keys[0] = key;
    this.siftDown(0);
  }

  private siftDown(start: number): void {
    const { keys, values, size } = this;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let largest = i;
      if (l < size && keys[l] > keys[largest]) largest = l;
      if (r < size && keys[r] > keys[largest]) largest = r;
      if (largest === i) return;
      const k = keys[i];
      keys[i] = keys[largest];
      keys[largest] = k;
      const v = values[i];
      values[i] = values[largest];
      values[largest] = v;
      i = largest;
    }
  }
}
