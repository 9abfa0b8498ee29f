import { periods, samples, stretches } from './series-periods';

describe('series periods', () => {
  const series = { metric: { version: '1' }, values: [[10, '1'], [11, '1'], [12, '0.5'], [20, '1'], [21, '1']] as [number, string][] };

  it('reads samples in ms', () => expect(samples(series)[2]).toEqual({ at: 12_000, value: 0.5 }));

  it('splits at gaps longer than the allowed one', () => {
    expect(periods(series, 2000)).toEqual([
      { from: 10_000, to: 12_000 },
      { from: 20_000, to: 21_000 },
    ]);
    expect(periods(series, 10_000)).toEqual([{ from: 10_000, to: 21_000 }]);
    expect(periods({ metric: {}, values: [] }, 2000)).toEqual([]);
  });

  it('groups plain times the same way', () => {
    expect(stretches([1000, 2000, 5000], 1500)).toEqual([
      { from: 1000, to: 2000 },
      { from: 5000, to: 5000 },
    ]);
  });
});
