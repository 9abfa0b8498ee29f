/**
 * The requestIds already answered (a ModelRegistered or ModelRejected was published), so a
 * redelivered or repeated RetrainRequest is handled at most once. Rebuilt at start from
 * `models.registered` and `models.rejected`; entries older than the horizon are forgotten.
 */
export class HandledRequests {
  private readonly seenAt = new Map<string, number>();

  constructor(private readonly horizonMs: number) {}

  has(requestId: string): boolean {
    return this.seenAt.has(requestId);
  }

  add(requestId: string, atMs: number): void {
    this.seenAt.set(requestId, Math.max(atMs, this.seenAt.get(requestId) ?? atMs));
  }

  get size(): number {
    return this.seenAt.size;
  }

  /** Forgets ids handled before `nowMs - horizonMs` (older than any request still on the topic). */
  expire(nowMs: number): number {
    let removed = 0;
    for (const [id, at] of this.seenAt) {
      if (at < nowMs - this.horizonMs) {
        this.seenAt.delete(id);
        removed++;
      }
    }
    return removed;
  }
}
