import { ReferenceProfile, WindowProfile } from '@mlops/drift-stats';
import { columnChart, OTHERS_LABEL, TOP_CATEGORIES } from './column-chart';

function views(reference: Record<string, ArrayLike<unknown>>, current: Record<string, ArrayLike<unknown>>, name: string, type: 'numerical' | 'categorical') {
  const ref = ReferenceProfile.fromColumns(reference, [{ name, type }], { sampleSize: 10_000 });
  const cur = WindowProfile.forReference(ref, { sampleSize: 10_000 });
  cur.updateColumns(current);
  return [ref.feature(name).toView(), cur.feature(name).toView()] as const;
}

describe('columnChart', () => {
  it('bins numbers into 20 equal-width bins over both sides, as shares', () => {
    const [r, c] = views({ x: Float64Array.from({ length: 100 }, (_, i) => i) }, { x: Float64Array.from({ length: 50 }, (_, i) => 100 + i) }, 'x', 'numerical');
    const chart = columnChart(r, c);
    expect(chart.kind).toBe('histogram');
    if (chart.kind !== 'histogram') return;
    expect(chart.edges).toHaveLength(21);
    expect(chart.edges[0]).toBe(0);
    expect(chart.edges[20]).toBe(149);
    expect(chart.reference.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(chart.current.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(chart.current.slice(0, 13).every((s) => s === 0)).toBe(true);
  });

  it('draws a numerical column with few distinct values as bars per value', () => {
    const [r, c] = views({ k: [0, 1, 1, 2] }, { k: [2, 2, 3] }, 'k', 'numerical');
    expect(columnChart(r, c)).toEqual({ kind: 'categories', categories: ['0', '1', '2', '3'], reference: [0.25, 0.5, 0.25, 0], current: [0, 0, 2 / 3, 1 / 3] });
  });

  it('keeps the most frequent categories and sums the rest into "(others)"', () => {
    const many = Array.from({ length: 40 }, (_, i) => `c${i % 20}`).concat(['c0', 'c0']);
    const [r, c] = views({ city: many }, { city: ['c0', 'new'] }, 'city', 'categorical');
    const chart = columnChart(r, c);
    if (chart.kind !== 'categories') throw new Error('expected categories');
    expect(chart.categories).toHaveLength(TOP_CATEGORIES + 1);
    expect(chart.categories[0]).toBe('c0');
    expect(chart.categories).toContain('new');
    expect(chart.categories[TOP_CATEGORIES]).toBe(OTHERS_LABEL);
    expect(chart.reference.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });

  it('has nothing to draw without values', () => {
    const [r, c] = views({ x: [null, null] }, { x: [null] }, 'x', 'numerical');
    expect(columnChart(r, c)).toEqual({ kind: 'histogram', edges: [], reference: [], current: [] });
  });
});
