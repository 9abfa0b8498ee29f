import type { CellKind } from './cell-kind';
import type { ColumnTally, Sighting } from './column-tally';

/** An inferred column type: the three drift-stats types, or datetime (ignored by default). */
export type InferredType = 'numerical' | 'categorical' | 'boolean' | 'datetime';

export type Inference =
  | { readonly ok: true; readonly type: InferredType; readonly empty: boolean }
  | { readonly ok: false; readonly dominant: CellKind; readonly share: number; readonly offender: Sighting };

const TYPED: readonly (readonly [CellKind, InferredType])[] = [
  ['number', 'numerical'],
  ['boolean', 'boolean'],
  ['datetime', 'datetime'],
];

/**
 * The type of a column from its tally: every value a number → numerical, every value true/false
 * → boolean, every value an ISO date → datetime, otherwise categorical. A column where numbers
 * (or booleans, or dates) are more than half but not all is "mixed": probably a data error, so it
 * is reported with the first odd value rather than silently read as categories; so is a column
 * that is all numbers (booleans, dates) in one file and something else in the other. A column with
 * no value is categorical (and skipped by the report for lack of data).
 */
export function inferColumnType(tally: ColumnTally): Inference {
  const valid = tally.valid;
  if (valid === 0) return { ok: true, type: 'categorical', empty: true };
  for (const [kind, type] of TYPED) {
    const count = tally.counts[kind];
    if (count === valid) return { ok: true, type, empty: false };
    if (count * 2 > valid || pureInOneFile(tally, kind)) {
      const offender = earliestOther(tally, kind);
      if (offender !== undefined) return { ok: false, dominant: kind, share: count / valid, offender };
    }
  }
  return { ok: true, type: 'categorical', empty: false };
}

/** Whether one file holds only values of `kind` (numbers, say) while the other holds others. */
function pureInOneFile(tally: ColumnTally, kind: CellKind): boolean {
  return [...tally.perFile.values()].some((c) => c[kind] > 0 && c[kind] === c.number + c.boolean + c.datetime + c.text);
}

function earliestOther(tally: ColumnTally, kind: CellKind): Sighting | undefined {
  const others = (['number', 'boolean', 'datetime', 'text'] as const).filter((k) => k !== kind).map((k) => tally.first[k]);
  return others.filter((s): s is Sighting => s !== undefined).sort((a, b) => a.seq - b.seq)[0];
}
