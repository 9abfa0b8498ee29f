import type { Columns } from '@mlops/drift-stats';
import type { PlannedColumn } from '../schema/column-plan';
import type { CategoryCounts } from './categorical-from-counts';
import type { BatchValues, ColumnBatch } from './column-batch';

/** Code of a missing category in the code arrays. */
const MISSING = -1;
/** An interner id not yet mapped to a code. */
const UNKNOWN = -2;

/** A store's content as plain arrays, to send to another thread (the typed arrays transfer). */
export interface ColumnStoreParts {
  readonly rows: number;
  readonly numbers: Float64Array[];
  readonly codes: Int32Array[];
  readonly names: string[][];
}

/**
 * Every value of a file, column by column, for exact statistics: numbers in growable
 * Float64Arrays, categories as Int32 codes into a per-column dictionary (4 bytes a value and
 * nothing for the garbage collector to trace, however many rows).
 */
export class ColumnStore {
  private readonly numberColumns: Float64Array[];
  private readonly codes: Int32Array[];
  private readonly dictionaries: { readonly index: Map<string, number>; readonly names: string[] }[];
  /** Per column: the code of each interner id of `idSource`, the batch being appended. */
  private readonly codesById: Int32Array[];
  private idSource: ColumnBatch | null = null;
  private length = 0;

  constructor(readonly columns: readonly PlannedColumn[]) {
    const initial = (categorical: boolean, mine: boolean) => (categorical === mine ? 4096 : 0);
    this.numberColumns = columns.map((c) => new Float64Array(initial(c.type === 'categorical', false)));
    this.codes = columns.map((c) => new Int32Array(initial(c.type === 'categorical', true)));
    this.dictionaries = columns.map(() => ({ index: new Map(), names: [] }));
    this.codesById = columns.map(() => new Int32Array(0));
  }

  get rows(): number {
    return this.length;
  }

  /** The content (views of the rows held, not copies); the store must not be used afterwards. */
  toParts(): ColumnStoreParts {
    return {
      rows: this.length,
      numbers: this.numberColumns.map((a) => a.subarray(0, Math.min(a.length, this.length))),
      codes: this.codes.map((a) => a.subarray(0, Math.min(a.length, this.length))),
      names: this.dictionaries.map((d) => d.names),
    };
  }

  /** A store holding what {@link toParts} gave (on the receiving thread). */
  static fromParts(columns: readonly PlannedColumn[], parts: ColumnStoreParts): ColumnStore {
    const store = new ColumnStore(columns);
    columns.forEach((_, c) => {
      store.numberColumns[c] = parts.numbers[c];
      store.codes[c] = parts.codes[c];
      parts.names[c].forEach((name, code) => {
        store.dictionaries[c].names.push(name);
        store.dictionaries[c].index.set(name, code);
      });
    });
    store.length = parts.rows;
    return store;
  }

  append(batch: ColumnBatch): void {
    const n = batch.size;
    if (batch !== this.idSource) {
      // Interner ids are per batch: another batch's ids mean other values.
      this.idSource = batch;
      this.codesById.fill(new Int32Array(0));
    }
    for (let c = 0; c < this.columns.length; c++) {
      const values = batch.column(c);
      if (values instanceof Float64Array) this.numberColumns[c] = appendTo(this.numberColumns[c], this.length, values);
      else this.appendTexts(c, values, batch.categoryIds(c));
    }
    this.length += n;
  }

  /** Column c's values so far (categories decoded into a fresh array). */
  values(c: number): BatchValues {
    if (this.columns[c].type !== 'categorical') return this.numberColumns[c].subarray(0, this.length);
    const codes = this.codes[c];
    const names = this.dictionaries[c].names;
    const out = new Array<string | null>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = codes[i] === MISSING ? null : names[codes[i]];
    return out;
  }

  /** Numerical (or boolean) column c's values in place: the caller may reorder them. */
  numbers(c: number): Float64Array {
    return this.numberColumns[c].subarray(0, this.length);
  }

  /** Exact counts of categorical (or boolean) column c: categories in first-seen order, and missing cells. */
  categoryCounts(c: number): CategoryCounts {
    if (this.columns[c].type === 'boolean') {
      const values = this.numbers(c);
      let ones = 0;
      let zeros = 0;
      for (let i = 0; i < values.length; i++) {
        if (values[i] === 1) ones++;
        else if (values[i] === 0) zeros++;
      }
      return { seen: [['false', zeros], ['true', ones]], missing: values.length - ones - zeros };
    }
    const { names } = this.dictionaries[c];
    const counts = new Float64Array(names.length);
    const codes = this.codes[c];
    let missing = 0;
    for (let i = 0; i < this.length; i++) {
      const code = codes[i];
      if (code === MISSING) missing++;
      else counts[code]++;
    }
    return { seen: names.map((name, code) => [name, counts[code]] as const), missing };
  }

  asColumns(): Columns {
    const out: Record<string, BatchValues> = {};
    this.columns.forEach((column, c) => (out[column.name] = this.values(c)));
    return out;
  }

  /**
   * Codes categories through the batch's interner ids where it has them (one typed-array read per
   * cell; the text is looked up once per id), else through the dictionary.
   */
  private appendTexts(c: number, values: readonly (string | null)[], ids: Int32Array | null): void {
    const { index, names } = this.dictionaries[c];
    const codes = (this.codes[c] = reserve(this.codes[c], this.length + values.length));
    let byId = this.codesById[c];
    for (let i = 0; i < values.length; i++) {
      const id = ids === null ? -1 : ids[i];
      if (id >= 0 && id < byId.length && byId[id] !== UNKNOWN) {
        codes[this.length + i] = byId[id];
        continue;
      }
      const v = values[i];
      let code = MISSING;
      if (v !== null) {
        const known = index.get(v);
        if (known === undefined) {
          code = names.length;
          names.push(v);
          index.set(v, code);
        } else code = known;
      }
      codes[this.length + i] = code;
      if (id >= 0) {
        if (id >= byId.length) byId = this.codesById[c] = growIds(byId, id + 1);
        byId[id] = code;
      }
    }
  }
}

function growIds(ids: Int32Array, needed: number): Int32Array {
  const grown = new Int32Array(Math.max(ids.length * 2, needed, 64)).fill(UNKNOWN);
  grown.set(ids);
  return grown;
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
