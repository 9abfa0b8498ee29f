import type { SourceWindowing } from '../windows/windowing';

/** The events of one model version in one window of one source partition. */
export interface WindowCell<A> {
  readonly model: string;
  readonly version: string;
  readonly index: number;
  rows: number;
  minTimeMs: number;
  maxTimeMs: number;
  readonly acc: A;
}

/** Windows whose closing a source partition has to announce for one model. */
export interface DueAnnouncement<A> {
  model: string;
  frontier: number;
  cells: WindowCell<A>[];
}

/**
 * The open windows of one source partition (`predictions` or `predictions.labeled`), its
 * watermark (newest event time seen) and its position, advanced message by message in offset
 * order. Pure: the consumer feeds it and publishes what `due()` returns.
 */
export class SourcePartition<A> {
  /** The offset after the last message applied; null before the first. */
  nextOffset: bigint | null = null;
  /** Broker timestamp of the last message applied (where a catch-up replay starts). */
  lastRecordTimeMs = 0;
  /** Wall-clock time of the last change, to forget partitions this instance no longer owns. */
  touchedAtMs = 0;
  private watermarkMs = -Infinity;
  private readonly cells = new Map<string, WindowCell<A>>();
  private readonly announced = new Map<string, number>();
  /** The cell of the previous event: consecutive events mostly share one (hot path). */
  private last: WindowCell<A> | undefined;

  constructor(
    readonly partition: number,
    private readonly windowing: SourceWindowing,
  ) {}

  /** Windows below this index are closed here. */
  frontier(): number | null {
    return this.windowing.frontier(this.watermarkMs, this.nextOffset);
  }

  /** Whether a message was already applied (a redelivery). */
  applied(offset: bigint): boolean {
    return this.nextOffset !== null && offset < this.nextOffset;
  }

  /**
   * Places an event: its window's cell (created with `create` when new), or 'late' when that
   * window already closed on this partition. Call `advance` afterwards, late or not.
   */
  place(model: string, version: string, eventTimeMs: number, offset: bigint, create: () => A): WindowCell<A> | 'late' {
    const index = this.windowing.indexOf(eventTimeMs, offset);
    const frontier = this.frontier();
    if (frontier !== null && index < frontier) return 'late';
    let cell = this.last;
    if (cell === undefined || cell.index !== index || cell.model !== model || cell.version !== version) {
      const key = `${model}\u0000${version}\u0000${index}`;
      cell = this.cells.get(key);
      if (!cell) {
        cell = { model, version, index, rows: 0, minTimeMs: eventTimeMs, maxTimeMs: eventTimeMs, acc: create() };
        this.cells.set(key, cell);
      }
      this.last = cell;
    }
    cell.rows++;
    if (eventTimeMs < cell.minTimeMs) cell.minTimeMs = eventTimeMs;
    if (eventTimeMs > cell.maxTimeMs) cell.maxTimeMs = eventTimeMs;
    return cell;
  }

  /** Moves past a message (applied, late, skipped or rejected alike). */
  advance(offset: bigint, eventTimeMs: number | undefined, recordTimeMs: number, nowMs: number): void {
    if (eventTimeMs !== undefined && eventTimeMs > this.watermarkMs) this.watermarkMs = eventTimeMs;
    this.nextOffset = offset + 1n;
    this.lastRecordTimeMs = recordTimeMs;
    this.touchedAtMs = nowMs;
  }

  /**
   * For every model that has windows here or is known (deployed), whether the frontier moved
   * past what was last announced for it: then the closed windows (maybe none) are due.
   */
  due(knownModels: Iterable<string>): DueAnnouncement<A>[] {
    const frontier = this.frontier();
    if (frontier === null) return [];
    const models = new Set(knownModels);
    for (const cell of this.cells.values()) models.add(cell.model);
    const due: DueAnnouncement<A>[] = [];
    for (const model of [...models].sort()) {
      const last = this.announced.get(model);
      if (last !== undefined && last >= frontier) continue;
      const cells = [...this.cells.values()].filter((c) => c.model === model && c.index < frontier).sort((a, b) => a.index - b.index || (a.version < b.version ? -1 : 1));
      due.push({ model, frontier, cells });
    }
    return due;
  }

  /** After the announcement was published: its windows leave memory. */
  announcedAs(due: DueAnnouncement<A>): void {
    this.announced.set(due.model, due.frontier);
    for (const cell of due.cells) this.cells.delete(`${cell.model}\u0000${cell.version}\u0000${cell.index}`);
    if (this.last && due.cells.includes(this.last)) this.last = undefined;
  }

  /** After a replay: windows that closed during it were announced by whoever processed them then. */
  settleAfterReplay(knownModels: Iterable<string>): void {
    for (const due of this.due(knownModels)) this.announcedAs(due);
  }

  get openWindows(): number {
    return this.cells.size;
  }
}
