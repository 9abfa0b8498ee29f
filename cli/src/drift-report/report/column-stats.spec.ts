import { ReferenceProfile, WindowProfile } from '@mlops/drift-stats';
import { columnStats } from './column-stats';

describe('columnStats', () => {
  const reference = ReferenceProfile.fromColumns(
    { x: [1, 2, 3, 4, null], city: ['a', 'b', 'b', 'c', null] },
    [
      { name: 'x', type: 'numerical' },
      { name: 'city', type: 'categorical' },
    ],
    { sampleSize: 100 },
  );

  it('summarises a numerical side with quantiles, null where undefined', () => {
    expect(columnStats(reference.feature('x').toView())).toEqual({ kind: 'numerical', count: 4, missing: 1, invalid: 0, mean: 2.5, std: Math.sqrt(1.25), min: 1, p25: 1, median: 2, p75: 3, max: 4 });
    const empty = WindowProfile.forReference(reference);
    expect(columnStats(empty.feature('x').toView())).toMatchObject({ count: 0, mean: null, std: null, min: null, median: null, max: null });
  });

  it('counts only the categories present on that side', () => {
    expect(columnStats(reference.feature('city').toView())).toEqual({ kind: 'categorical', count: 4, missing: 1, invalid: 0, distinct: 3, top: 'b', topShare: 0.5 });
    const current = WindowProfile.forReference(reference);
    current.updateColumns({ x: [5], city: ['c'] });
    expect(columnStats(current.feature('city').toView())).toMatchObject({ distinct: 1, top: 'c', topShare: 1 });
  });
});
