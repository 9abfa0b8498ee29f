import type { Cell } from '../input/cell';
import { CellKind, cellKind } from './cell-kind';

/** Where a value was seen: file and 0-based data row. */
export interface Sighting {
  readonly file: string;
  readonly row: number;
  readonly value: string;
  /** Order of observation across both files (the reference is tallied first). */
  readonly seq: number;
}

/** Distinct values remembered per column (enough to tell a class label from a measurement). */
const DISTINCT_MEMORY = 21;

/**
 * What the first rows of both files say about one column: how many cells of each kind, where
 * each kind was first seen (for messages), and its first few distinct numbers.
 */
export class ColumnTally {
  readonly counts: Record<CellKind, number> = { missing: 0, number: 0, boolean: 0, datetime: 0, text: 0 };
  readonly first: Partial<Record<CellKind, Sighting>> = {};
  /** The same counts per file. */
  readonly perFile = new Map<string, Record<CellKind, number>>();
  readonly distinctNumbers = new Set<number>();
  integersOnly = true;
  private seen = 0;

  add(cell: Cell, naValues: ReadonlySet<string>, file: string, row: number): void {
    const kind = cellKind(cell, naValues);
    this.counts[kind]++;
    let fileCounts = this.perFile.get(file);
    if (fileCounts === undefined) this.perFile.set(file, (fileCounts = { missing: 0, number: 0, boolean: 0, datetime: 0, text: 0 }));
    fileCounts[kind]++;
    if (this.first[kind] === undefined) this.first[kind] = { file, row, value: String(cell), seq: this.seen };
    this.seen++;
    if (kind === 'number') {
      const x = Number(cell);
      if (!Number.isInteger(x)) this.integersOnly = false;
      if (this.distinctNumbers.size < DISTINCT_MEMORY) this.distinctNumbers.add(x);
    }
  }

  /** Cells that are not missing. */
  get valid(): number {
    const c = this.counts;
    return c.number + c.boolean + c.datetime + c.text;
  }
}
