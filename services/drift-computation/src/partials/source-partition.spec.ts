import { sourceWindowing } from '../windows/windowing';
import { SourcePartition } from './source-partition';

const timePartition = () => new SourcePartition<number[]>(2, sourceWindowing({ kind: 'time', sizeMs: 1000, latenessMs: 200 }, 4));

/** Places and advances one event, returning the window index or 'late'. */
function feed(state: SourcePartition<number[]>, offset: number, t: number, model = 'm', version = '1') {
  const cell = state.place(model, version, t, BigInt(offset), () => []);
  if (cell !== 'late') cell.acc.push(offset);
  state.advance(BigInt(offset), t, 10_000 + offset, 0);
  return cell === 'late' ? 'late' : cell.index;
}

describe('SourcePartition', () => {
  it('closes a window once the watermark passes its end plus the lateness, and counts later events as late', () => {
    const state = timePartition();
    expect([feed(state, 0, 100), feed(state, 1, 950), feed(state, 2, 1150)]).toEqual([0, 0, 1]);
    expect(state.frontier()).toBe(0);
    expect(feed(state, 3, 800)).toBe(0); // within the lateness: still window 0
    expect(feed(state, 4, 1200)).toBe(1); // watermark 1200 = end of window 0 + 200: window 0 closes
    expect(state.frontier()).toBe(1);
    expect(feed(state, 5, 990)).toBe('late');
    expect(state.nextOffset).toBe(6n);
    expect(state.applied(5n)).toBe(true);
    expect(state.applied(6n)).toBe(false);
  });

  it('announces closed windows once per model, including known models without events', () => {
    const state = timePartition();
    feed(state, 0, 100);
    feed(state, 1, 300, 'other', '7');
    // The partition's first frontier is announced for every model, even before a window closed.
    const first = state.due(['m']);
    expect(first.map((d) => [d.model, d.frontier, d.cells.length])).toEqual([
      ['m', 0, 0],
      ['other', 0, 0],
    ]);
    first.forEach((d) => state.announcedAs(d));
    expect(state.due(['m'])).toEqual([]);
    feed(state, 2, 1300);
    const due = state.due(['m', 'deployed-but-quiet']);
    expect(due.map((d) => [d.model, d.frontier, d.cells.map((c) => [c.version, c.index, c.rows, c.acc])])).toEqual([
      ['deployed-but-quiet', 1, []],
      ['m', 1, [['1', 0, 1, [0]]]],
      ['other', 1, [['7', 0, 1, [1]]]],
    ]);
    due.forEach((d) => state.announcedAs(d));
    expect(state.due(['m'])).toEqual([]);
    expect(state.openWindows).toBe(1); // window 1 of m, still open
  });

  it('keeps a window until its announcement is published (a failed send is retried from state)', () => {
    const state = timePartition();
    feed(state, 0, 100);
    feed(state, 1, 1500);
    expect(state.due([]).map((d) => d.cells.length)).toEqual([1]);
    expect(state.due([]).map((d) => d.cells.length)).toEqual([1]); // nothing announced yet: due again
  });

  it('after a replay, treats windows that closed during it as announced', () => {
    const state = timePartition();
    feed(state, 0, 100);
    feed(state, 1, 2500);
    state.settleAfterReplay(['m']);
    expect(state.due(['m'])).toEqual([]);
    expect(state.openWindows).toBe(1);
  });

  it('cuts count windows by offset, never late', () => {
    const state = new SourcePartition<number[]>(0, sourceWindowing({ kind: 'count', events: 8 }, 4)); // 2 offsets per partition
    expect([0, 1, 2, 3, 4].map((o) => feed(state, o, 5000 - o * 1000))).toEqual([0, 0, 1, 1, 2]);
    expect(state.frontier()).toBe(2);
  });
});
