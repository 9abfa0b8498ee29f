import type { PartialReport, PartialWindow, SourceRole } from '../partials/partial-message.schema';
import { WindowMerger } from './window-merger';

const win = (index: number, rows = 10, version = '1'): PartialWindow => ({ version, index, minTimeMs: index * 1000, maxTimeMs: index * 1000 + 999, rows });
const partial = (source: SourceRole, partition: number, frontier: number, windows: PartialWindow[] = [], model = 'm'): PartialReport => ({
  schemaVersion: 1,
  type: 'partial',
  model,
  source,
  partition,
  frontier,
  windows,
});
const merger = (labelWaitWindows = 1) => new WindowMerger({ labelWaitWindows, partitions: { predictions: 2, labeled: 2 } });
const readyIndexes = (m: WindowMerger, p: PartialReport, now = 0) => m.accept(p, now).ready.map((r) => r.index);

describe('WindowMerger', () => {
  it('evaluates a window once every predictions and labeled partition has moved past it, in index order', () => {
    const m = merger();
    expect(readyIndexes(m, partial('predictions', 0, 2, [win(0), win(1)]))).toEqual([]);
    expect(readyIndexes(m, partial('predictions', 1, 1, [win(0)]))).toEqual([]);
    expect(readyIndexes(m, partial('labeled', 0, 1, [win(0, 4)]))).toEqual([]);
    const ready = m.accept(partial('labeled', 1, 1, [win(0, 3)]), 0).ready;
    expect(ready.map((r) => [r.index, r.closedBy])).toEqual([[0, 'sources']]);
    const v1 = ready[0].versions.get('1');
    expect([...(v1?.predictions.keys() ?? [])].sort()).toEqual([0, 1]);
    expect([...(v1?.labeled.values() ?? [])].map((w) => w.rows)).toEqual([4, 3]);
    expect(m.lastEvaluated('m')).toBe(0);
  });

  it('stops waiting for labels once the predictions are labelWaitWindows further', () => {
    const m = merger(1);
    readyIndexes(m, partial('predictions', 0, 1, [win(0)]));
    expect(readyIndexes(m, partial('predictions', 1, 1, [win(0)]))).toEqual([]); // labels not there yet
    readyIndexes(m, partial('predictions', 0, 2));
    expect(readyIndexes(m, partial('predictions', 1, 2))).toEqual([0]); // 0 + 1 < 2
  });

  it('counts the first partial per partition and window, ignores repeats, and counts partials of evaluated windows as late', () => {
    const m = merger(0);
    readyIndexes(m, partial('predictions', 0, 0, [win(0, 10)]));
    readyIndexes(m, partial('predictions', 0, 0, [win(0, 99)])); // a re-announcement after a restart
    readyIndexes(m, partial('predictions', 0, 1));
    const ready = m.accept(partial('predictions', 1, 1, [win(0, 5)]), 0).ready;
    expect([...(ready[0].versions.get('1')?.predictions.values() ?? [])].map((w) => w.rows)).toEqual([10, 5]);
    expect(m.accept(partial('predictions', 1, 2, [win(0, 7)]), 0).late).toEqual([{ source: 'predictions', rows: 7 }]);
  });

  it('keeps versions apart within a window', () => {
    const m = merger(0);
    readyIndexes(m, partial('predictions', 0, 1, [win(0, 3, '1'), win(0, 4, '2')]));
    const ready = m.accept(partial('predictions', 1, 1, [win(0, 5, '2')]), 0).ready;
    expect([...ready[0].versions.keys()].sort()).toEqual(['1', '2']);
  });

  it('reports a window stalled by an idle partition, and closes it on an idle note', () => {
    const m = merger(0);
    readyIndexes(m, partial('predictions', 0, 3, [win(1), win(2)]), 1000);
    expect(m.stalled(1000 + 59_999, 60_000)).toEqual([]);
    expect(m.stalled(1000 + 60_000, 60_000)).toEqual([{ model: 'm', index: 1 }]);
    const closed = m.close({ schemaVersion: 1, type: 'close', model: 'm', index: 1, reason: 'idle' });
    expect(closed.map((r) => [r.index, r.closedBy])).toEqual([[1, 'idle']]);
    expect(m.accept(partial('predictions', 1, 3, [win(1, 8), win(2, 6)]), 2000)).toEqual({
      ready: [expect.objectContaining({ index: 2 })],
      late: [{ source: 'predictions', rows: 8 }],
    });
  });

  it('does not report a window as stalled while it only waits for labels', () => {
    const m = merger(5);
    readyIndexes(m, partial('predictions', 0, 2, [win(1)]), 0);
    readyIndexes(m, partial('predictions', 1, 2, [win(1)]), 0);
    expect(m.stalled(10 ** 9, 1)).toEqual([]);
  });
});
