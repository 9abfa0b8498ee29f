/** A deterministic source of randomness, injected wherever the library needs one. */
export interface Random {
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Next double in [0, 1), with 32 bits of randomness. */
  next(): number;
  /** Integer uniform in [0, n) for 1 ≤ n ≤ 2^32. */
  nextInt(n: number): number;
  /** The full internal state; `createRandom` with `fromState` resumes the exact stream. */
  readonly state: number;
}
