import { z } from 'zod';

/**
 * What a labeled event tells the detectors: `binary` errors are 0/1 (the classifier was wrong),
 * `real` errors the absolute error of a regression.
 */
export type ErrorKind = 'binary' | 'real';

/** The JSON form carried in a labeled partial (packed bits or little-endian float32, base64). */
export const ErrorSequenceJsonSchema = z.strictObject({
  kind: z.enum(['binary', 'real']),
  /** Errors offered to the sequence (kept or thinned out). */
  seen: z.number().int().min(0),
  /** Every `stride`-th error offered was kept. */
  stride: z.number().int().min(1),
  count: z.number().int().min(0),
  data: z.string(),
});
export type ErrorSequenceJson = z.infer<typeof ErrorSequenceJsonSchema>;

/**
 * The error stream of one model version in one window of one source partition, in offset
 * (arrival) order, for the streaming detectors of the evaluator. Bounded: when `capacity`
 * values are held, every second one is dropped and from then on only every `stride`-th error is
 * kept, so a long window thins out evenly (order preserved) instead of growing the partial
 * message past Kafka's limits. Binary errors travel as bits (10 000 labels ≈ 1.7 KB of base64).
 */
export class ErrorSequence {
  private values: number[] = [];
  private seen = 0;
  private stride = 1;

  constructor(
    readonly kind: ErrorKind,
    private readonly capacity: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError(`error sequence capacity must be an integer ≥ 2, not ${capacity}`);
  }

  /** Offers one error; unusable values (NaN, out of domain) are ignored. */
  add(error: number): void {
    if (!Number.isFinite(error)) return;
    if (this.seen++ % this.stride !== 0) return;
    if (this.values.length === this.capacity) {
      this.values = this.values.filter((_, i) => i % 2 === 0);
      this.stride *= 2;
      // The value at hand is kept only if it falls on the new stride.
      if ((this.seen - 1) % this.stride !== 0) return;
    }
    this.values.push(error);
  }

  get length(): number {
    return this.values.length;
  }

  /** The kept errors, oldest first. */
  toArray(): readonly number[] {
    return this.values;
  }

  toJSON(): ErrorSequenceJson {
    return { kind: this.kind, seen: this.seen, stride: this.stride, count: this.values.length, data: encode(this.kind, this.values) };
  }

  static fromJSON(json: ErrorSequenceJson): ErrorSequence {
    const sequence = new ErrorSequence(json.kind, Math.max(2, json.count));
    sequence.values = decode(json.kind, json.data, json.count);
    sequence.seen = json.seen;
    sequence.stride = json.stride;
    return sequence;
  }
}

function encode(kind: ErrorKind, values: readonly number[]): string {
  if (kind === 'real') {
    const floats = new Float32Array(values);
    return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString('base64');
  }
  const bytes = Buffer.alloc(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v !== 0) bytes[i >> 3] |= 1 << (i & 7);
  });
  return bytes.toString('base64');
}

function decode(kind: ErrorKind, data: string, count: number): number[] {
  const bytes = Buffer.from(data, 'base64');
  if (kind === 'real') {
    if (bytes.length !== count * 4) throw new RangeError(`error sequence: ${count} float32 values need ${count * 4} bytes, got ${bytes.length}`);
    return Array.from({ length: count }, (_, i) => bytes.readFloatLE(i * 4));
  }
  if (bytes.length !== Math.ceil(count / 8)) throw new RangeError(`error sequence: ${count} bits need ${Math.ceil(count / 8)} bytes, got ${bytes.length}`);
  return Array.from({ length: count }, (_, i) => (bytes[i >> 3] >> (i & 7)) & 1);
}
