/**
 * Event time of the n-th prediction when predictions arrive at a steady rate from a start instant.
 * Labels due "N events later" or "T seconds later" are placed on the same timeline, also past
 * the last prediction, as if the stream had gone on.
 */
export interface EventTimeline {
  /** Epoch milliseconds of prediction `index`. */
  timeAt(index: number): number;
  /** The last prediction index whose time is at or before `ms` (-1 if none). */
  lastIndexAtOrBefore(ms: number): number;
}

export function createEventTimeline(startMs: number, ratePerSecond: number): EventTimeline {
  if (!Number.isFinite(startMs)) throw new RangeError(`start must be a finite epoch-ms instant, got ${startMs}`);
  if (!(ratePerSecond > 0 && Number.isFinite(ratePerSecond))) {
    throw new RangeError(`rate must be a positive number of events per second, got ${ratePerSecond}`);
  }
  // Rounded to whole milliseconds: event times are normalised to ms precision by the contracts.
  const timeAt = (index: number) => startMs + Math.round((index * 1000) / ratePerSecond);
  return {
    timeAt,
    lastIndexAtOrBefore(ms) {
      let index = Math.floor(((ms - startMs) * ratePerSecond) / 1000);
      // The estimate can be off by one either way because of the rounding in timeAt.
      while (timeAt(index + 1) <= ms) index++;
      while (index >= 0 && timeAt(index) > ms) index--;
      return Math.max(-1, index);
    },
  };
}
