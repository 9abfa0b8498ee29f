import type { LabelRecord } from './simulation-record';

/**
 * Labels waiting for their turn, ordered by the prediction after which they are due (then by
 * arrival). A binary heap, because phases may change the delay and due positions then stop
 * arriving in order.
 */
export class PendingLabels {
  private readonly heap: { label: LabelRecord; seq: number }[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(label: LabelRecord): void {
    this.heap.push({ label, seq: this.seq++ });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes and returns, in order, every label due at or before prediction `index`. */
  *takeDue(index: number): Generator<LabelRecord> {
    while (this.heap.length > 0 && this.heap[0].label.emittedAfter <= index) yield this.pop();
  }

  /** Removes and returns every remaining label, in order. */
  *drain(): Generator<LabelRecord> {
    while (this.heap.length > 0) yield this.pop();
  }

  private pop(): LabelRecord {
    const top = this.heap[0].label;
    const last = this.heap.pop();
    if (last && this.heap.length > 0) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < this.heap.length && this.before(left, smallest)) smallest = left;
        if (right < this.heap.length && this.before(right, smallest)) smallest = right;
        if (smallest === i) break;
        this.swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.label.emittedAfter !== y.label.emittedAfter ? x.label.emittedAfter < y.label.emittedAfter : x.seq < y.seq;
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b], this.heap[a]];
  }
}
