import { createWriteStream, existsSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { Mulberry32 } from '@mlops/drift-stats';

export const NUMERICAL = 12;
export const CATEGORICAL = 8;

/** Which columns the current file moves, and by how much (in reference standard deviations or category mass). */
export const SHIFTS: Readonly<Record<string, number>> = { num_0: 0.5, num_3: 0.25, num_6: 0.05, num_9: 0.12, cat_0: 0.3, cat_5: 0.05 };

const CATEGORY_COUNTS = [3, 5, 8, 12, 20, 30, 40, 50];

/**
 * A synthetic CSV of `rows` rows × 20 columns (12 numerical of several shapes, some with missing
 * cells; 8 categorical with 3–50 categories), seeded; `drifted` applies SHIFTS. Written once to
 * `file` and reused by later runs.
 */
export async function writeBenchCsv(file: string, rows: number, seed: number, drifted: boolean): Promise<void> {
  if (existsSync(file)) return;
  const rng = new Mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const shift = (name: string) => (drifted ? (SHIFTS[name] ?? 0) : 0);
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const header = [...Array.from({ length: NUMERICAL }, (_, i) => `num_${i}`), ...Array.from({ length: CATEGORICAL }, (_, i) => `cat_${i}`)];
  out.write(`${header.join(',')}\n`);
  let chunk: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let i = 0; i < NUMERICAL; i++) cells.push(numericalCell(i, normal, rng, shift(`num_${i}`)));
    for (let i = 0; i < CATEGORICAL; i++) cells.push(categoricalCell(CATEGORY_COUNTS[i], rng, shift(`cat_${i}`)));
    chunk.push(cells.join(','));
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  out.end(chunk.length > 0 ? `${chunk.join('\n')}\n` : '');
  await once(out, 'finish');
  renameSync(partial, file);
}

function numericalCell(i: number, normal: () => number, rng: Mulberry32, shift: number): string {
  if (i % 5 === 4 && rng.next() < 0.02) return ''; // some missing values
  switch (i % 4) {
    case 0:
      return (100 + 15 * (normal() + shift)).toFixed(3); // normal
    case 1:
      return Math.exp(1 + 0.8 * normal() + 0.8 * shift).toFixed(4); // log-normal
    case 2:
      return (rng.next() * 1000 + 289 * shift).toFixed(2); // uniform (σ ≈ 289)
    default:
      return String(Math.round(40 + 12 * (normal() + shift))); // integers
  }
}

function categoricalCell(categories: number, rng: Mulberry32, shift: number): string {
  // Zipf-like shares; a shift moves mass to the last category.
  const u = rng.next();
  if (u < shift) return `c${categories - 1}`;
  const k = Math.min(categories - 1, Math.floor(categories * Math.pow(rng.next(), 1.6)));
  return `c${k}`;
}
