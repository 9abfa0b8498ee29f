import { EmptyTrainingSetError } from '../errors';
import { mulberry32 } from '../random/seeded-random';
import { splitRows } from './split-rows';

describe('splitRows', () => {
  it('holds out round(n × fraction) rows, disjoint, sorted, seeded', () => {
    const s = splitRows(100, 0.2, mulberry32(1));
    expect(s.validation).toHaveLength(20);
    expect(s.train).toHaveLength(80);
    expect(new Set([...s.train, ...s.validation]).size).toBe(100);
    expect(s.train).toEqual([...s.train].sort((a, b) => a - b));
    expect(splitRows(100, 0.2, mulberry32(1))).toEqual(s);
    expect(splitRows(100, 0.2, mulberry32(2))).not.toEqual(s);
  });

  it('keeps at least one row on each side and needs two rows', () => {
    expect(splitRows(2, 0.01, mulberry32(1)).validation).toHaveLength(1);
    expect(splitRows(3, 0.5, mulberry32(1)).train.length).toBeGreaterThanOrEqual(1);
    expect(() => splitRows(1, 0.2, mulberry32(1))).toThrow(EmptyTrainingSetError);
  });
});
