import { sampleRows } from './sample-rows';

describe('sampleRows', () => {
  const rows = Array.from({ length: 1000 }, (_, i) => i);

  it('draws exactly count rows, in order, the same for the same seed', () => {
    const a = sampleRows(rows, 100, 7);
    expect(a).toHaveLength(100);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(new Set(a).size).toBe(100);
    expect(sampleRows(rows, 100, 7)).toEqual(a);
    expect(sampleRows(rows, 100, 8)).not.toEqual(a);
  });

  it('returns everything or nothing at the edges', () => {
    expect(sampleRows([1, 2], 5, 1)).toEqual([1, 2]);
    expect(sampleRows([1, 2], 0, 1)).toEqual([]);
  });
});
