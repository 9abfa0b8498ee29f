import { InvalidSeedError } from '../errors/invalid-seed.error';
import type { RandomSource } from './random-source';

const TWO_POW_32 = 0x1_0000_0000;
const TWO_POW_53 = 2 ** 53;

/** Largest seed accepted: any non-negative safe integer, so seeds survive JSON and CLI flags. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/**
 * SplitMix32 step: spreads a 32-bit state over the whole output range. Used only to expand a
 * seed into the four words of the generator state, so that nearby seeds (1, 2, 3) start far apart.
 */
function splitMix32(state: number): [next: number, output: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

/** FNV-1a over the label, mixed with the parent's seed words: the seed of a fork. */
function forkSeed(words: readonly number[], label: string): number[] {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return words.map((w, i) => (w ^ Math.imul(h + i, 0x9e3779b1)) >>> 0);
}

/**
 * Small Fast Chaotic generator (sfc32, Chris Doty-Humphrey's PractRand family): four 32-bit words
 * of state, passes PractRand and BigCrush, and needs only 32-bit integer arithmetic, which
 * JavaScript does exactly. Not cryptographic, and it does not need to be.
 */
class Sfc32Random implements RandomSource {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(private readonly seedWords: readonly number[]) {
    let state = seedWords[0] | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      [state, words[i]] = splitMix32((state ^ (seedWords[i % seedWords.length] ?? 0)) | 0);
    }
    [this.a, this.b, this.c, this.d] = words;
    // The first outputs of a freshly seeded sfc32 are correlated with the seed; discard them.
    for (let i = 0; i < 16; i++) this.nextUint32();
  }

  private nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    // 27 + 26 bits from two draws: every double in [0, 1) on a 2^-53 grid is reachable.
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / TWO_POW_53;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  chance(p: number): boolean {
    return p > 0 && this.next() < p;
  }

  fork(label: string): RandomSource {
    return new Sfc32Random(forkSeed(this.seedWords, label));
  }
}

/** A seeded RandomSource. The same seed always yields the same numbers, on every platform. */
export function createRandom(seed: number): RandomSource {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new InvalidSeedError(seed);
  const low = seed % TWO_POW_32;
  const high = Math.floor(seed / TWO_POW_32);
  return new Sfc32Random([low >>> 0, high >>> 0]);
}
