import type { Cell } from './cell';
import type { TabularReader } from './tabular-reader';
import { ColumnTally } from '../schema/column-tally';

/**
 * Takes the first `rows` data rows of a file (kept, to be profiled later) and tallies their
 * cells per column name for type inference.
 */
export async function readPrefix(reader: TabularReader, rows: number, naValues: ReadonlySet<string>, tallies: Map<string, ColumnTally>): Promise<Cell[][]> {
  const prefix: Cell[][] = [];
  const columnTallies = reader.columns.map((name) => {
    let tally = tallies.get(name);
    if (tally === undefined) tallies.set(name, (tally = new ColumnTally()));
    return tally;
  });
  while (prefix.length < rows) {
    const cells = await reader.next();
    if (cells === null) break;
    for (let c = 0; c < columnTallies.length; c++) columnTallies[c].add(cells[c], naValues, reader.file, prefix.length);
    prefix.push(cells as Cell[]);
  }
  return prefix;
}
