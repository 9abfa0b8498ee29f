/**
 * Remembers ids seen within a time horizon, with a hard cap on entries, so redelivered or
 * re-sent events are recognised without memory growing with the stream. Ids are expired in
 * the order they were first seen (a Map keeps insertion order), which is exact for a clock
 * that only moves forward and conservative otherwise.
 */
export class DedupeWindow {
  private readonly seenAt = new Map<string, number>();

  constructor(
    readonly horizonMs: number,
    readonly maxEntries: number,
  ) {
    if (!(horizonMs > 0)) throw new RangeError(`dedupe horizon must be positive, got ${horizonMs}`);
    if (!(maxEntries > 0)) throw new RangeError(`dedupe capacity must be positive, got ${maxEntries}`);
  }

  get size(): number {
    return this.seenAt.size;
  }

  has(id: string): boolean {
    return this.seenAt.has(id);
  }

  /** Records an id; returns false if it was already there (a duplicate). */
  add(id: string, atMs: number): boolean {
    if (this.seenAt.has(id)) return false;
    this.seenAt.set(id, atMs);
    if (this.seenAt.size > this.maxEntries) {
      const oldest = this.seenAt.keys().next().value as string;
      this.seenAt.delete(oldest);
    }
    return true;
  }

  /** Forgets one id (undo of an add whose output could not be sent). */
  forget(id: string): void {
    this.seenAt.delete(id);
  }

  /** Forgets ids first seen before `nowMs - horizonMs`; returns how many. */
  expire(nowMs: number): number {
    const cutoff = nowMs - this.horizonMs;
    let removed = 0;
    for (const [id, at] of this.seenAt) {
      if (at >= cutoff) break;
      this.seenAt.delete(id);
      removed++;
    }
    return removed;
  }
}
