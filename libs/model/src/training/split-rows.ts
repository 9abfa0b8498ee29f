import { EmptyTrainingSetError } from '../errors';
import { permutation } from '../random/seeded-random';

export interface RowSplit {
  /** Row indices in ascending order (the original order, so the profile and errors read naturally). */
  readonly train: number[];
  readonly validation: number[];
}

/**
 * A seeded random hold-out: `round(n × fraction)` rows (at least one) for validation, the rest
 * (at least one) for training. Random rather than "the last rows" because rows from Kafka are in
 * time order and the last ones would be a different period, not a sample.
 */
export function splitRows(n: number, fraction: number, random: () => number): RowSplit {
  if (n < 2) throw new EmptyTrainingSetError(n, 2);
  const holdOut = Math.min(n - 1, Math.max(1, Math.round(n * fraction)));
  const order = permutation(n, random);
  const validation = Array.from(order.subarray(0, holdOut)).sort((a, b) => a - b);
  const train = Array.from(order.subarray(holdOut)).sort((a, b) => a - b);
  return { train, validation };
}
