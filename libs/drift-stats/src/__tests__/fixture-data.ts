import { Mulberry32 } from '../random';

/**
 * Replays the sample descriptions of fixtures/stats/*.json, mirroring `generate()` in
 * scripts/generate_stat_fixtures.py operation for operation (IEEE basic operations only, so
 * both languages produce the same doubles).
 */
export type GeneratorSpec =
  | { kind: 'normal12'; seed: number; n: number; loc: number; scale: number }
  | { kind: 'uniform'; seed: number; n: number; lo: number; hi: number }
  | { kind: 'integer'; seed: number; n: number; k: number; offset: number }
  | { kind: 'categorical'; seed: number; n: number; categories: string[]; cumulative: number[] };

export type FixtureSample = { values: (number | string)[] } | { gen: GeneratorSpec };

export function generate(spec: GeneratorSpec): (number | string)[] {
  const rng = new Mulberry32(spec.seed);
  const out: (number | string)[] = [];
  for (let i = 0; i < spec.n; i++) {
    switch (spec.kind) {
      case 'normal12': {
        let s = 0;
        for (let j = 0; j < 12; j++) s += rng.next();
        out.push(spec.loc + spec.scale * (s - 6));
        break;
      }
      case 'uniform':
        out.push(spec.lo + (spec.hi - spec.lo) * rng.next());
        break;
      case 'integer':
        out.push(Math.floor(rng.next() * spec.k) + spec.offset);
        break;
      case 'categorical': {
        const u = rng.next();
        let c = 0;
        while (c < spec.cumulative.length - 1 && u >= spec.cumulative[c]) c++;
        out.push(spec.categories[c]);
        break;
      }
    }
  }
  return out;
}

export function sampleOf(sample: FixtureSample): (number | string)[] {
  return 'values' in sample ? sample.values : generate(sample.gen);
}

export function numbersOf(sample: FixtureSample): number[] {
  return sampleOf(sample) as number[];
}

/** |actual − expected| ≤ tol · max(|expected|, tiny). */
export function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
}
