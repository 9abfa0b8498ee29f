import { Random } from './random';

const TWO_POW_32 = 4294967296;

/**
 * Mulberry32: a 32-bit state generator (Weyl sequence with increment 0x6D2B79F5, followed by
 * an xorshift-multiply output mix). Period 2^32, passes the usual small-state batteries; more
 * than enough for compaction coin flips, reservoir sampling and bootstrap resampling, and tiny
 * enough to serialize with a profile. The same recurrence is replayed in
 * scripts/generate_stat_fixtures.py to produce bit-identical fixture data.
 */
export class Mulberry32 implements Random {
  private s: number;

  constructor(seed: number) {
    this.s = seed >>> 0;
  }

  get state(): number {
    return this.s;
  }

  nextUint32(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** A seeded generator; `seed` is reduced to 32 bits. */
export function createRandom(seed: number): Random {
  return new Mulberry32(seed);
}

/**
 * A seed for a named sub-stream (one per feature, per sketch...) derived from a base seed with
 * FNV-1a over the label, so that adding a feature does not shift the others' streams.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
