import type { SourceWindowing } from '../windows/windowing';
import { SourcePartition } from './source-partition';

/** The source partitions of one topic that this instance has seen, created on first use. */
export class PartitionStates<A> {
  private readonly states = new Map<number, SourcePartition<A>>();

  constructor(private windowing: SourceWindowing) {}

  /** Count windows depend on the partition count, known once the topic's metadata is read. */
  reconfigure(windowing: SourceWindowing): void {
    this.windowing = windowing;
    this.states.clear();
  }

  get(partition: number): SourcePartition<A> | undefined {
    return this.states.get(partition);
  }

  create(partition: number): SourcePartition<A> {
    const state = new SourcePartition<A>(partition, this.windowing);
    this.states.set(partition, state);
    return state;
  }

  /** Forgets partitions untouched since `beforeMs` (moved to another instance); returns how many. */
  forgetIdle(beforeMs: number): number {
    let forgotten = 0;
    for (const [partition, state] of this.states) {
      if (state.touchedAtMs < beforeMs) {
        this.states.delete(partition);
        forgotten++;
      }
    }
    return forgotten;
  }

  openWindows(): number {
    let open = 0;
    for (const state of this.states.values()) open += state.openWindows;
    return open;
  }
}
