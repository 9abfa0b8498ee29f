import { binIndex, Mulberry32, numericalViewFromArray, referenceBinEdges } from '@mlops/drift-stats';
import { exactNumericalView, sortColumn } from './exact-numerical-view';

describe('exactNumericalView', () => {
  const rng = new Mulberry32(5);
  const values = Float64Array.from({ length: 30_000 }, (_, i) => (i % 97 === 0 ? Number.NaN : i % 331 === 0 ? Infinity : Math.round((rng.next() * 100 + 1e6) * 1000) / 1000));
  const edges = referenceBinEdges(numericalViewFromArray(values).sorted as Float64Array, 10);
  const view = exactNumericalView('x', sortColumn(values.slice()), edges);
  const expected = numericalViewFromArray(values, 'x');

  it("matches drift-stats' exact view from raw values (counts, order statistics, support; moments to the last bits)", () => {
    expect({ ...view, mean: 0, variance: 0, histogram: null }).toEqual({ ...expected, mean: 0, variance: 0, histogram: null });
    expect(Math.abs(view.mean / expected.mean - 1)).toBeLessThan(1e-14);
    expect(Math.abs(view.variance / expected.variance - 1)).toBeLessThan(1e-12);
    expect(view).toMatchObject({ count: 30_000 - 310 - 90, missing: 310, invalid: 90 }); // every 97th NaN, every 331st (but 0) Infinity
  });

  it('counts the histogram on the edges as binIndex does (right-closed bins)', () => {
    const counts = new Float64Array(edges.length + 1);
    for (const x of values) if (Number.isFinite(x)) counts[binIndex(edges, x)]++;
    expect(Array.from(view.histogram?.counts ?? [])).toEqual(Array.from(counts));
  });

  it('gives NaN moments and no values for a column with none', () => {
    const empty = exactNumericalView('e', sortColumn(Float64Array.from([Number.NaN, Number.NaN])), new Float64Array(0));
    expect(empty).toMatchObject({ count: 0, missing: 2, mean: Number.NaN, min: Number.NaN, exact: true });
  });
});
