import { countBlockSize, sourceWindowing, timeWindowBounds } from './windowing';

describe('time windows', () => {
  const w = sourceWindowing({ kind: 'time', sizeMs: 10_000, latenessMs: 2000 }, 4);

  it('assigns epoch-aligned tumbling windows by event time', () => {
    expect([0, 9_999, 10_000, 25_000].map((t) => w.indexOf(t, 0n))).toEqual([0, 0, 1, 2]);
    expect(timeWindowBounds(10_000, 2)).toEqual({ startMs: 20_000, endMs: 30_000 });
  });

  it('closes a window once the watermark passes its end plus the allowed lateness', () => {
    expect(w.frontier(-Infinity, null)).toBeNull();
    expect(w.frontier(11_999, 5n)).toBe(0); // window 0 still open: 10 000 + 2000 not reached
    expect(w.frontier(12_000, 5n)).toBe(1); // window 0 closed
    expect(w.frontier(45_000, 5n)).toBe(4);
  });
});

describe('count windows', () => {
  it('cuts each partition every events / partitions offsets', () => {
    expect(countBlockSize(1000, 4)).toBe(250);
    expect(countBlockSize(1000, 3)).toBe(334);
    const w = sourceWindowing({ kind: 'count', events: 1000 }, 4);
    expect([0n, 249n, 250n, 1000n].map((o) => w.indexOf(0, o))).toEqual([0, 0, 1, 4]);
    expect(w.frontier(-Infinity, null)).toBeNull();
    expect(w.frontier(-Infinity, 249n)).toBe(0);
    expect(w.frontier(-Infinity, 250n)).toBe(1);
  });
});
