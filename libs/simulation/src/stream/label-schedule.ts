import type { RandomSource } from '../random/random-source';
import type { LabelPolicy } from '../scenario/scenario.schema';
import type { EventTimeline } from './event-timeline';

export interface LabelSlot {
  /** The label is emitted right after this prediction index. */
  emittedAfter: number;
  /** Its event time, epoch ms. */
  timeMs: number;
}

/**
 * When the label of prediction `index` arrives, or `undefined` when it never does.
 * `{ events: N }`: right after prediction index + N, with that prediction's time.
 * `{ seconds: T }`: at the prediction's time + T, placed after every prediction made by then,
 * so event time never goes backwards along the stream.
 */
export function scheduleLabel(index: number, policy: LabelPolicy, timeline: EventTimeline, rng: RandomSource): LabelSlot | undefined {
  if (rng.chance(policy.neverShare)) return undefined;
  if ('events' in policy.delay) {
    const emittedAfter = index + policy.delay.events;
    return { emittedAfter, timeMs: timeline.timeAt(emittedAfter) };
  }
  const timeMs = timeline.timeAt(index) + Math.round(policy.delay.seconds * 1000);
  return { emittedAfter: Math.max(index, timeline.lastIndexAtOrBefore(timeMs)), timeMs };
}
