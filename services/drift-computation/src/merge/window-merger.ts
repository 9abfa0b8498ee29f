import type { CloseNote, PartialReport, PartialWindow, SourceRole } from '../partials/partial-message.schema';

/** The partials of one model version in one window, by source partition (sorted when read). */
export interface VersionPartials {
  readonly predictions: Map<number, PartialWindow>;
  readonly labeled: Map<number, PartialWindow>;
}

/** A window whose every source has reported (or that stopped waiting): ready to evaluate. */
export interface ReadyWindow {
  readonly model: string;
  readonly index: number;
  readonly versions: ReadonlyMap<string, VersionPartials>;
  readonly closedBy: 'sources' | 'idle';
}

/** Rows that reached the merger after their window was evaluated (a slow or idle source). */
export interface LateRows {
  readonly source: SourceRole;
  readonly rows: number;
}

export interface MergerSettings {
  /** A window waits for labels until the predictions frontier is this many windows past it. */
  labelWaitWindows: number;
  /** Partition count of each source topic. */
  partitions: Readonly<Record<SourceRole, number>>;
}

interface ModelWindows {
  readonly frontiers: Record<SourceRole, Map<number, number>>;
  readonly pending: Map<number, Map<string, VersionPartials>>;
  lastEvaluated: number;
  /** Lowest pending window waiting for predictions partitions that others already closed, and since when. */
  stalled?: { index: number; sinceMs: number };
}

/**
 * Collects the partial windows of each model from every source partition and says when a window
 * is complete: every `predictions` partition has moved past it, and every `predictions.labeled`
 * partition too (or the predictions went `labelWaitWindows` further, then labels still missing
 * are left out). Windows complete in index order; the first partial per (source, partition,
 * version, window) counts and repeats are ignored, so a re-announcement after a restart cannot
 * count events twice. Pure: the consumer feeds it in log order and acts on what it returns.
 */
export class WindowMerger {
  private readonly models = new Map<string, ModelWindows>();

  constructor(private settings: MergerSettings) {}

  reconfigure(settings: MergerSettings): void {
    this.settings = settings;
  }

  accept(message: PartialReport, nowMs: number): { ready: ReadyWindow[]; late: LateRows[] } {
    const state = this.modelState(message.model);
    const late: LateRows[] = [];
    for (const window of message.windows) {
      if (window.index <= state.lastEvaluated) {
        late.push({ source: message.source, rows: window.rows });
        continue;
      }
      let versions = state.pending.get(window.index);
      if (!versions) state.pending.set(window.index, (versions = new Map()));
      let partials = versions.get(window.version);
      if (!partials) versions.set(window.version, (partials = { predictions: new Map(), labeled: new Map() }));
      const bySource = message.source === 'predictions' ? partials.predictions : partials.labeled;
      if (!bySource.has(message.partition)) bySource.set(message.partition, window);
    }
    const frontiers = state.frontiers[message.source];
    frontiers.set(message.partition, Math.max(frontiers.get(message.partition) ?? -Infinity, message.frontier));
    return { ready: this.collectReady(message.model, state, nowMs), late };
  }

  /** An idle note: every pending window up to `index` is evaluated with what it has. */
  close(note: CloseNote): ReadyWindow[] {
    const state = this.modelState(note.model);
    const ready: ReadyWindow[] = [];
    for (const index of [...state.pending.keys()].sort((a, b) => a - b)) {
      if (index > note.index) break;
      ready.push(this.take(note.model, state, index, 'idle'));
    }
    state.lastEvaluated = Math.max(state.lastEvaluated, note.index);
    if (state.stalled && state.stalled.index <= note.index) state.stalled = undefined;
    return ready;
  }

  /** Windows that have waited for idle sources longer than `idleMs`: the consumer writes a close note for each. */
  stalled(nowMs: number, idleMs: number): { model: string; index: number }[] {
    const due: { model: string; index: number }[] = [];
    for (const [model, state] of this.models) {
      if (state.stalled && nowMs - state.stalled.sinceMs >= idleMs) due.push({ model, index: state.stalled.index });
    }
    return due;
  }

  /** Drops a model's state (its partition moved elsewhere). */
  forget(model: string): void {
    this.models.delete(model);
  }

  lastEvaluated(model: string): number {
    return this.models.get(model)?.lastEvaluated ?? -Infinity;
  }

  pendingWindows(): number {
    let pending = 0;
    for (const state of this.models.values()) pending += state.pending.size;
    return pending;
  }

  private collectReady(model: string, state: ModelWindows, nowMs: number): ReadyWindow[] {
    const predictionsMin = this.minFrontier(state, 'predictions');
    const labeledMin = this.minFrontier(state, 'labeled');
    const ready: ReadyWindow[] = [];
    const indexes = [...state.pending.keys()].sort((a, b) => a - b);
    for (const index of indexes) {
      const sourcesDone = index < predictionsMin && (index < labeledMin || index + this.settings.labelWaitWindows < predictionsMin);
      if (!sourcesDone) break;
      ready.push(this.take(model, state, index, 'sources'));
    }
    // Windows every source has left behind, empty for this model, are settled too.
    const settled = Math.min(predictionsMin - 1, Math.max(Math.min(labeledMin, predictionsMin) - 1, predictionsMin - 1 - this.settings.labelWaitWindows));
    if (Number.isFinite(settled) && settled > state.lastEvaluated && !indexes.some((i) => i <= settled && state.pending.has(i))) {
      state.lastEvaluated = settled;
    }
    this.trackStall(state, nowMs);
    return ready;
  }

  private trackStall(state: ModelWindows, nowMs: number): void {
    const lowest = Math.min(...state.pending.keys());
    if (!Number.isFinite(lowest)) {
      state.stalled = undefined;
      return;
    }
    // Stalled: some predictions partitions closed the window and others did not (idle or
    // absent). Waiting for labels is governed by labelWaitWindows instead.
    const anyPast = [...state.frontiers.predictions.values()].some((f) => f > lowest);
    if (!anyPast || this.minFrontier(state, 'predictions') > lowest) state.stalled = undefined;
    else if (state.stalled?.index !== lowest) state.stalled = { index: lowest, sinceMs: nowMs };
  }

  private take(model: string, state: ModelWindows, index: number, closedBy: ReadyWindow['closedBy']): ReadyWindow {
    const versions = state.pending.get(index) ?? new Map<string, VersionPartials>();
    state.pending.delete(index);
    state.lastEvaluated = Math.max(state.lastEvaluated, index);
    return { model, index, versions, closedBy };
  }

  private minFrontier(state: ModelWindows, source: SourceRole): number {
    const partitions = this.settings.partitions[source];
    let min = Infinity;
    for (let p = 0; p < partitions; p++) min = Math.min(min, state.frontiers[source].get(p) ?? -Infinity);
    return partitions === 0 ? -Infinity : min;
  }

  private modelState(model: string): ModelWindows {
    let state = this.models.get(model);
    if (!state) {
      state = { frontiers: { predictions: new Map(), labeled: new Map() }, pending: new Map(), lastEvaluated: -Infinity };
      this.models.set(model, state);
    }
    return state;
  }
}
