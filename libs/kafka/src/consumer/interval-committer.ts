export interface IntervalCommitterOptions {
  /** Longest time a resolved offset waits before it is committed. */
  intervalMs: number;
  /** Commits every offset resolved and not yet committed (a no-op when there is none). */
  commit: () => Promise<void>;
  /** A commit started by the timer failed; the offsets stay resolved and are retried next time. */
  onError: (error: Error) => void;
}

/**
 * Commits a consumer's resolved offsets off the fetch path: at most one commit per interval,
 * started by a timer, never two at once. kafkajs' autoCommit instead commits after every batch,
 * before the next fetch, which puts an OffsetCommit round trip (≥ the broker's
 * `group.coordinator.append.linger.ms`, 5 ms on Kafka 4) into every message's latency.
 * Only resolved offsets are committed, and offsets are resolved only after their outputs were
 * produced, so this changes how much a crash redelivers, not what is delivered.
 */
export class IntervalCommitter {
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: IntervalCommitterOptions) {
    if (!Number.isFinite(options.intervalMs) || options.intervalMs <= 0) {
      throw new Error(`commit interval must be a positive number of ms, got ${options.intervalMs}`);
    }
  }

  /** An offset was resolved: commit it within the interval, together with any resolved after it. */
  schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: Error) => {
        this.options.onError(error);
        this.schedule();
      });
    }, this.options.intervalMs);
    // A pending commit alone must not keep the process alive; stop() flushes explicitly.
    this.timer.unref();
  }

  /** Commits now, after any commit in flight (before a stop, a rebalance or a failed batch). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.chain.then(() => this.options.commit());
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** No more timed commits (the consumer stopped or crashed); flush() still works. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
