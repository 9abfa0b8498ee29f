import type { StructuredLogger } from '@mlops/observability';
import type { EachBatchPayload } from 'kafkajs';
import { IntervalCommitter } from './interval-committer';

type OffsetState = Pick<EachBatchPayload, 'commitOffsetsIfNecessary' | 'uncommittedOffsets'>;

/**
 * How a batch consumer commits its resolved offsets. Interval 0: kafkajs' autoCommit, after every
 * batch and before the next fetch. Above 0: an IntervalCommitter off the fetch path, plus a
 * commit before a stop, on a rebalance the handler's heartbeat reports and when a batch fails
 * (the moments kafkajs' autoCommit would have committed).
 */
export class BatchCommits {
  private committer: IntervalCommitter | undefined;
  private offsets: OffsetState | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly logger: StructuredLogger,
    owner: string,
  ) {
    if (!Number.isFinite(intervalMs) || intervalMs < 0) throw new Error(`${owner}: commitIntervalMs must be 0 or a positive number of ms`);
  }

  /** kafkajs' `autoCommit` for `consumer.run()`. */
  get autoCommit(): boolean {
    return this.intervalMs === 0;
  }

  /** A new kafkajs consumer is about to run: nothing of an earlier one is committed any more. */
  startRun(): void {
    this.close();
    if (this.autoCommit) return;
    this.committer = new IntervalCommitter({
      intervalMs: this.intervalMs,
      commit: async () => {
        // The latest batch's view of the group: kafkajs replaces it when the group rebalances.
        const offsets = this.offsets;
        if (offsets) await offsets.commitOffsetsIfNecessary(offsets.uncommittedOffsets());
      },
      onError: (error) => this.logger.warn('offset commit failed; retrying', { error: error.message }),
    });
  }

  /** The run crashed: its offsets can no longer be committed and are redelivered (at-least-once). */
  forgetRun(): void {
    this.offsets = undefined;
  }

  /** The batch's resolveOffset and heartbeat, wired to the commits. */
  ofBatch(payload: EachBatchPayload): Pick<EachBatchPayload, 'resolveOffset' | 'heartbeat'> {
    if (this.committer) this.offsets = payload;
    return {
      resolveOffset: (offset) => {
        payload.resolveOffset(offset);
        this.committer?.schedule();
      },
      // kafkajs' heartbeat throws when the group rebalances: commit what was handled first.
      heartbeat: async () => {
        try {
          await payload.heartbeat();
        } catch (error) {
          await this.commitNow('rebalance');
          throw error;
        }
      },
    };
  }

  /** Commits what was handled so far (timed commits only; autoCommit does its own). Never throws. */
  async commitNow(reason: string): Promise<void> {
    try {
      await this.committer?.flush();
    } catch (error) {
      // The offsets stay uncommitted and are redelivered: at-least-once still holds.
      this.logger.warn('offset commit failed', { reason, error: (error as Error).message });
    }
  }

  close(): void {
    this.committer?.close();
    this.committer = undefined;
    this.offsets = undefined;
  }
}
