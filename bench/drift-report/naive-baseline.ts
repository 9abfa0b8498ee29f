import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

/** One column's result from the naive baseline: the same default methods as the report at this size. */
export interface NaiveColumnResult {
  readonly method: 'wasserstein-normed' | 'jensen-shannon';
  readonly score: number;
  readonly drifted: boolean;
}

const THRESHOLD = 0.1;

/**
 * The naive way (what a pandas script does): load every row of both files into memory, then per
 * column sort the raw numbers for an exact normed Wasserstein distance, or count the categories
 * for a Jensen–Shannon distance. Written here for the benchmark; not product code.
 */
export async function naiveDrift(referenceFile: string, currentFile: string): Promise<Record<string, NaiveColumnResult>> {
  const reference = await loadRows(referenceFile);
  const current = await loadRows(currentFile);
  const results: Record<string, NaiveColumnResult> = {};
  reference.header.forEach((name, j) => {
    const numerical = reference.rows.slice(0, 100).every((row) => row[j] === '' || !Number.isNaN(Number(row[j])));
    if (numerical) {
      const score = normedWasserstein(sortedNumbers(reference.rows, j), sortedNumbers(current.rows, j));
      results[name] = { method: 'wasserstein-normed', score, drifted: score >= THRESHOLD };
    } else {
      const score = jensenShannon(counts(reference.rows, j), counts(current.rows, j));
      results[name] = { method: 'jensen-shannon', score, drifted: score >= THRESHOLD };
    }
  });
  return results;
}

async function loadRows(file: string): Promise<{ header: string[]; rows: string[][] }> {
  const rows: string[][] = [];
  for await (const record of createReadStream(file).pipe(parse({ bom: true }))) rows.push(record as string[]);
  const header = rows.shift() ?? [];
  return { header, rows };
}

function sortedNumbers(rows: readonly string[][], j: number): Float64Array {
  const values = rows.map((row) => row[j]).filter((v) => v !== '');
  return Float64Array.from(values, Number).sort();
}

function counts(rows: readonly string[][], j: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const row of rows) if (row[j] !== '') m.set(row[j], (m.get(row[j]) ?? 0) + 1);
  return m;
}

/** W1(a, b) / std(a): the area between the two empirical CDFs, in reference standard deviations. */
function normedWasserstein(a: Float64Array, b: Float64Array): number {
  let mean = 0;
  for (const x of a) mean += x / a.length;
  let variance = 0;
  for (const x of a) variance += (x - mean) ** 2 / a.length;
  let i = 0;
  let k = 0;
  let area = 0;
  let previous = Math.min(a[0], b[0]);
  while (i < a.length || k < b.length) {
    const x = k >= b.length || (i < a.length && a[i] <= b[k]) ? a[i] : b[k];
    area += Math.abs(i / a.length - k / b.length) * (x - previous);
    while (i < a.length && a[i] === x) i++;
    while (k < b.length && b[k] === x) k++;
    previous = x;
  }
  return area / Math.max(Math.sqrt(variance), 0.001);
}

/** Jensen–Shannon distance (natural log) of two category count maps; empty shares smoothed to 1e-4. */
function jensenShannon(p: ReadonlyMap<string, number>, q: ReadonlyMap<string, number>): number {
  const keys = [...new Set([...p.keys(), ...q.keys()])];
  const shares = (m: ReadonlyMap<string, number>) => {
    const total = [...m.values()].reduce((s, c) => s + c, 0);
    const raw = keys.map((k) => Math.max((m.get(k) ?? 0) / total, 1e-4));
    const sum = raw.reduce((s, x) => s + x, 0);
    return raw.map((x) => x / sum);
  };
  const ps = shares(p);
  const qs = shares(q);
  let divergence = 0;
  keys.forEach((_, i) => {
    const m = (ps[i] + qs[i]) / 2;
    divergence += 0.5 * ps[i] * Math.log(ps[i] / m) + 0.5 * qs[i] * Math.log(qs[i] / m);
  });
  return Math.sqrt(Math.max(divergence, 0));
}
