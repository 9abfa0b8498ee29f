/**
 * How windows are cut. Both kinds are defined per source partition, so that any number of
 * instances, each owning some partitions, cut exactly the same windows:
 * - `time`: tumbling event-time windows `[k·size, (k+1)·size)` (epoch-aligned). Window k of a
 *   partition closes once an event at least `size + lateness` past its start has been seen on
 *   that partition; an event for a closed window is late (counted, not profiled).
 * - `count`: each partition is cut every `blockSize` offsets (the window's event count divided
 *   by the partition count), and window k is block k of every partition. No event is late.
 */
export type WindowSpec = { kind: 'time'; sizeMs: number; latenessMs: number } | { kind: 'count'; events: number };

/** The DriftReport window kind of a spec (`tumbling` by time, `count` by events). */
export function reportKind(spec: WindowSpec): 'tumbling' | 'count' {
  return spec.kind === 'time' ? 'tumbling' : 'count';
}

/** Window assignment and closing for one source partition. */
export interface SourceWindowing {
  /** The window an event belongs to. */
  indexOf(eventTimeMs: number, offset: bigint): number;
  /** Windows below this index are closed on the partition; null while nothing closed yet. */
  frontier(watermarkMs: number, nextOffset: bigint | null): number | null;
}

export function sourceWindowing(spec: WindowSpec, partitions: number): SourceWindowing {
  if (spec.kind === 'time') {
    const { sizeMs, latenessMs } = spec;
    return {
      indexOf: (t) => Math.floor(t / sizeMs),
      frontier: (watermark) => (watermark === -Infinity ? null : Math.floor((watermark - latenessMs) / sizeMs)),
    };
  }
  const block = BigInt(countBlockSize(spec.events, partitions));
  return {
    indexOf: (_t, offset) => Number(offset / block),
    frontier: (_w, next) => (next === null ? null : Number(next / block)),
  };
}

/** Offsets per partition in a count window. */
export function countBlockSize(events: number, partitions: number): number {
  return Math.max(1, Math.ceil(events / Math.max(1, partitions)));
}

/** Event-time bounds of a time window (count windows take theirs from the data). */
export function timeWindowBounds(sizeMs: number, index: number): { startMs: number; endMs: number } {
  return { startMs: index * sizeMs, endMs: (index + 1) * sizeMs };
}
