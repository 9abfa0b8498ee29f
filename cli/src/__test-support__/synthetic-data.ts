import { Mulberry32 } from '@mlops/drift-stats';

/** Values of one column of a synthetic dataset. */
export type SyntheticColumn = (number | string | boolean | null)[];

export interface SyntheticOptions {
  readonly rows: number;
  readonly seed: number;
  /** 0: the reference distribution; larger values move every feature. */
  readonly shift: number;
}

/**
 * A small tabular dataset with every column type (numbers with missing values, a low-cardinality
 * integer, text categories, a boolean, a binary target and a prediction), seeded.
 */
export function syntheticColumns({ rows, seed, shift }: SyntheticOptions): Record<string, SyntheticColumn> {
  const rng = new Mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const cities = ['Paris', 'Berlin', 'Rome', 'Oslo', 'Lisbon'];
  const columns: Record<string, SyntheticColumn> = { income: [], age: [], children: [], city: [], member: [], y: [], y_pred: [] };
  for (let i = 0; i < rows; i++) {
    const income = rng.next() < 0.03 ? null : Math.round((50 + 12 * normal() + 15 * shift) * 100) / 100;
    const age = Math.round(40 + 10 * normal() + 3 * shift);
    const y = rng.next() < 0.4 + 0.2 * shift ? 1 : 0;
    columns['income'].push(income);
    columns['age'].push(age);
    columns['children'].push(Math.floor(rng.next() * (3 + shift)));
    columns['city'].push(cities[Math.floor(rng.next() * (4 + Math.min(shift, 1)))]);
    columns['member'].push(rng.next() < 0.5 + 0.2 * shift);
    columns['y'].push(y);
    columns['y_pred'].push(rng.next() < 0.9 - 0.2 * shift ? y : 1 - y);
  }
  return columns;
}

/** CSV text of columns (values written with String(); null as an empty cell). */
export function toCsv(columns: Record<string, SyntheticColumn>, delimiter = ','): string {
  const names = Object.keys(columns);
  const rows = columns[names[0]].length;
  const lines = [names.join(delimiter)];
  for (let i = 0; i < rows; i++) lines.push(names.map((n) => (columns[n][i] === null ? '' : String(columns[n][i]))).join(delimiter));
  return `${lines.join('\n')}\n`;
}

/** JSON Lines text of columns (null kept as null). */
export function toJsonl(columns: Record<string, SyntheticColumn>): string {
  const names = Object.keys(columns);
  const rows = columns[names[0]].length;
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) lines.push(JSON.stringify(Object.fromEntries(names.map((n) => [n, columns[n][i]]))));
  return `${lines.join('\n')}\n`;
}
