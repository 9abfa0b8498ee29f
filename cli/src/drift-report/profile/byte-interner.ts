/**
 * Turns byte ranges into strings, decoding each distinct byte sequence once: a category column
 * of a million cells holds a few dozen distinct values, so hashing the bytes and finding the
 * string already made is much cheaper than decoding every cell. Open addressing on a 32-bit
 * FNV-1a hash; the bytes of each entry are kept to tell collisions apart. Memory grows with the
 * number of distinct values only; past `limit` distinct values the caller should stop interning
 * (a free-text column) and decode directly.
 */
export class ByteInterner<T> {
  private slots: Int32Array;
  private readonly hashes: number[] = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private readonly values: T[] = [];
  private pool = new Uint8Array(1024);
  private used = 0;

  constructor(
    private readonly make: (text: string) => T,
    readonly limit = 100_000,
  ) {
    this.slots = new Int32Array(64).fill(-1);
  }

  get size(): number {
    return this.values.length;
  }

  /** The value for bytes[start, end) (made from the decoded text on first sight). */
  get(bytes: Uint8Array, start: number, end: number): T {
    return this.values[this.id(bytes, start, end)];
  }

  /** A small number identifying bytes[start, end): 0, 1, 2 … in first-seen order. */
  id(bytes: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot];
      if (id === -1) return this.insert(slot, hash, bytes, start, end);
      if (this.hashes[id] === hash && this.same(id, bytes, start, end)) return id;
    }
  }

  /** The value of an id from {@link id}. */
  value(id: number): T {
    return this.values[id];
  }

  private same(id: number, bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start;
    if (this.lengths[id] !== length) return false;
    const offset = this.offsets[id];
    for (let k = 0; k < length; k++) if (this.pool[offset + k] !== bytes[start + k]) return false;
    return true;
  }

  private insert(slot: number, hash: number, bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (this.used + length > this.pool.length) {
      const pool = new Uint8Array(Math.max(this.pool.length * 2, this.used + length));
      pool.set(this.pool.subarray(0, this.used));
      this.pool = pool;
    }
    this.pool.set(bytes.subarray(start, end), this.used);
    const id = this.values.length;
    const value = this.make(Buffer.from(bytes.buffer, bytes.byteOffset + start, length).toString('utf8'));
    this.hashes.push(hash);
    this.offsets.push(this.used);
    this.lengths.push(length);
    this.values.push(value);
    this.used += length;
    this.slots[slot] = id;
    if (this.values.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.hashes.length; id++) {
      let slot = this.hashes[id] & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}
