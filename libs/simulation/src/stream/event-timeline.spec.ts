import { createEventTimeline } from './event-timeline';

describe('createEventTimeline', () => {
  it('spaces events 1/rate apart from the start, in whole milliseconds', () => {
    const t = createEventTimeline(1_000, 3);
    expect([0, 1, 2, 3].map(t.timeAt)).toEqual([1_000, 1_333, 1_667, 2_000]);
  });

  it.each([3, 7, 100, 1234.5])('finds the last event at or before any instant (rate %p)', (rate) => {
    const t = createEventTimeline(5_000, rate);
    for (let ms = 4_990; ms < 8_000; ms += 1) {
      const index = t.lastIndexAtOrBefore(ms);
      if (index >= 0) expect(t.timeAt(index)).toBeLessThanOrEqual(ms);
      expect(t.timeAt(index + 1)).toBeGreaterThan(ms);
    }
  });

  it('rejects a rate that is not a positive number', () => {
    expect(() => createEventTimeline(0, 0)).toThrow(RangeError);
    expect(() => createEventTimeline(0, Number.NaN)).toThrow(RangeError);
  });
});
