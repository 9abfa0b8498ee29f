import type { Columns } from '@mlops/drift-stats';
import type { PlannedColumn } from '../schema/column-plan';
import type { BatchValues, ColumnBatch } from './column-batch';

/** Code of a missing category in the code arrays. */
const MISSING = -1;

/**
 * Every value of a file, column by column, for exact statistics: numbers in growable
 * Float64Arrays, categories as Int32 codes into a per-column dictionary (4 bytes a value and
 * nothing for the garbage collector to trace, however many rows).
 */
export class ColumnStore {
  private readonly numbers: Float64Array[];
  private readonly codes: Int32Array[];
  private readonly dictionaries: { readonly index: Map<string, number>; readonly names: string[] }[];
  private length = 0;

  constructor(readonly columns: readonly PlannedColumn[]) {
    const initial = (categorical: boolean, mine: boolean) => (categorical === mine ? 4096 : 0);
    this.numbers = columns.map((c) => new Float64Array(initial(c.type === 'categorical', false)));
    this.codes = columns.map((c) => new Int32Array(initial(c.type === 'categorical', true)));
    this.dictionaries = columns.map(() => ({ index: new Map(), names: [] }));
  }

  get rows(): number {
    return this.length;
  }

  append(batch: ColumnBatch): void {
    const n = batch.size;
    for (let c = 0; c < this.columns.length; c++) {
      const values = batch.column(c);
      if (values instanceof Float64Array) this.numbers[c] = appendTo(this.numbers[c], this.length, values);
      else this.appendTexts(c, values);
    }
    this.length += n;
  }

  /** Column c's values so far (categories decoded into a fresh array). */
  values(c: number): BatchValues {
    if (this.columns[c].type !== 'categorical') return this.numbers[c].subarray(0, this.length);
    const codes = this.codes[c];
    const names = this.dictionaries[c].names;
    const out = new Array<string | null>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = codes[i] === MISSING ? null : names[codes[i]];
    return out;
  }

  asColumns(): Columns {
    const out: Record<string, BatchValues> = {};
    this.columns.forEach((column, c) => (out[column.name] = this.values(c)));
    return out;
  }

  private appendTexts(c: number, values: readonly (string | null)[]): void {
    const { index, names } = this.dictionaries[c];
    const codes = (this.codes[c] = reserve(this.codes[c], this.length + values.length));
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null) {
        codes[this.length + i] = MISSING;
        continue;
      }
      let code = index.get(v);
      if (code === undefined) {
        code = names.length;
        names.push(v);
        index.set(v, code);
      }
      codes[this.length + i] = code;
    }
  }
}

function appendTo(target: Float64Array, length: number, values: Float64Array): Float64Array {
  const grown = length + values.length > target.length ? copyInto(new Float64Array(Math.max(target.length * 2, length + values.length)), target, length) : target;
  grown.set(values, length);
  return grown;
}

function reserve(target: Int32Array, needed: number): Int32Array {
  if (needed <= target.length) return target;
  const grown = new Int32Array(Math.max(target.length * 2, needed));
  grown.set(target);
  return grown;
}

function copyInto(target: Float64Array, source: Float64Array, length: number): Float64Array {
  target.set(source.subarray(0, length));
  return target;
}
