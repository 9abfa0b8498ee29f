/** Rows for training and the most recent rows held out for evaluation. */
export interface HoldoutSplit<T> {
  readonly train: readonly T[];
  readonly holdout: readonly T[];
}

/**
 * Holds out the most recent slice in time: the last `round(n × fraction)` rows (at least one,
 * and at least one row left to train on). `rows` must be ordered oldest first. Evaluating on the
 * latest data is what tells whether a model fits the period it is about to serve.
 */
export function splitHoldout<T>(rows: readonly T[], fraction: number): HoldoutSplit<T> {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`holdout fraction must be in (0, 1), got ${fraction}`);
  if (rows.length < 2) return { train: rows, holdout: [] };
  const size = Math.min(rows.length - 1, Math.max(1, Math.round(rows.length * fraction)));
  return { train: rows.slice(0, rows.length - size), holdout: rows.slice(rows.length - size) };
}
