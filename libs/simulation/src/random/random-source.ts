/**
 * A seeded source of uniform numbers. Everything random in the simulation draws from one of
 * these, never from Math.random, so a seed reproduces a stream exactly.
 */
export interface RandomSource {
  /** A float in [0, 1) with 53 random bits. */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  uniform(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /**
   * An independent source derived from this one's seed and a label. Each concern of a stream
   * (features, missing values, label delay, …) draws from its own fork, so turning one knob
   * leaves the numbers every other concern sees unchanged.
   */
  fork(label: string): RandomSource;
}
