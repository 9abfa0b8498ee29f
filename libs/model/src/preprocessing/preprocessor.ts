import { UnknownCategoryError } from '../errors';
import { checkRecordKeys } from '../schema/check-record-keys';
import type { FeatureDefinition } from '../schema/feature-schema';
import { encodingColumnNames, encodingWidth, FeatureEncoding } from './feature-encoding';
import { fitEncodings, VocabularyOptions } from './fit-encodings';
import { readBoolean, readCategory, readNumber } from './read-feature-value';

/** What to do with a category outside the vocabulary: use the unknown bucket, or refuse the row. */
export type UnknownCategoryPolicy = 'bucket' | 'error';

export interface TransformOptions {
  readonly unknownCategories?: UnknownCategoryPolicy;
  /** Added to row indices in error messages, when `records` is a slice of a larger batch. */
  readonly rowOffset?: number;
}

/**
 * Turns feature records into the network's input matrix (row-major Float32Array, `width`
 * columns), checking every record against the feature schema on the way. Pure: no tensors.
 */
export class Preprocessor {
  readonly schema: readonly FeatureDefinition[];
  readonly width: number;
  private readonly names: ReadonlySet<string>;
  private readonly offsets: readonly number[];
  private readonly vocabularies: readonly (ReadonlyMap<string, number> | undefined)[];

  constructor(readonly encodings: readonly FeatureEncoding[]) {
    this.schema = encodings.map((e) => ({ name: e.name, type: e.type }));
    this.names = new Set(encodings.map((e) => e.name));
    const offsets: number[] = [];
    let width = 0;
    for (const e of encodings) {
      offsets.push(width);
      width += encodingWidth(e);
    }
    this.offsets = offsets;
    this.width = width;
    this.vocabularies = encodings.map((e) => (e.type === 'categorical' ? new Map(e.categories.map((c, i) => [c, i])) : undefined));
  }

  /** Learns the encodings from training records (see fitEncodings); checks every record's keys first. */
  static fit(records: readonly unknown[], schema: readonly FeatureDefinition[], options: VocabularyOptions): Preprocessor {
    const names = new Set(schema.map((f) => f.name));
    records.forEach((r, row) => checkRecordKeys(r, schema, names, row));
    return new Preprocessor(fitEncodings(records as readonly Readonly<Record<string, unknown>>[], schema, options));
  }

  columnNames(): string[] {
    return this.encodings.flatMap(encodingColumnNames);
  }

  /** Throws the typed error the record would raise in transform(); returns nothing otherwise. */
  check(record: unknown, options: TransformOptions = {}): void {
    this.encodeRow(record, new Float32Array(this.width), 0, options.rowOffset, options.unknownCategories ?? 'bucket');
  }

  transform(records: readonly unknown[], options: TransformOptions = {}): Float32Array {
    const out = new Float32Array(records.length * this.width);
    const policy = options.unknownCategories ?? 'bucket';
    const offset = options.rowOffset ?? 0;
    for (let r = 0; r < records.length; r++) this.encodeRow(records[r], out, r * this.width, r + offset, policy);
    return out;
  }

  private encodeRow(record: unknown, out: Float32Array, base: number, row: number | undefined, policy: UnknownCategoryPolicy): void {
    checkRecordKeys(record, this.schema, this.names, row);
    for (let f = 0; f < this.encodings.length; f++) {
      const e = this.encodings[f];
      const at = base + this.offsets[f];
      const value = record[e.name];
      if (e.type === 'categorical') {
        const c = readCategory(value, e.name, row);
        const size = e.categories.length;
        if (c === null) {
          out[at + size + 1] = 1;
          continue;
        }
        const index = (this.vocabularies[f] as ReadonlyMap<string, number>).get(c);
        if (index !== undefined) out[at + index] = 1;
        else if (policy === 'error') throw new UnknownCategoryError(e.name, c, row);
        else out[at + size] = 1;
      } else {
        const x = e.type === 'numerical' ? readNumber(value, e.name, row) : readBoolean(value, e.name, row);
        if (x === null) out[at + 1] = 1;
        else out[at] = (x - e.mean) / e.std;
      }
    }
  }
}
