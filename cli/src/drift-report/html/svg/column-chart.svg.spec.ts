import { categoryBarsSvg } from './category-bars.svg';
import { DETAIL_SIZE, SPARK_SIZE } from './column-chart.svg';
import { histogramSvg } from './histogram.svg';

const count = (svg: string, series: string) => svg.split(`data-series="${series}"`).length - 1;

describe('chart SVGs', () => {
  it('draws one bar per non-empty histogram bin and series, with axes only in the detail view', () => {
    const data = { edges: [0, 1, 2, 3], reference: [0.5, 0.5, 0], current: [0, 0.25, 0.75] };
    const spark = histogramSvg(data, SPARK_SIZE, 'x');
    expect(count(spark, 'reference')).toBe(2);
    expect(count(spark, 'current')).toBe(2);
    expect(spark).not.toContain('<line');
    const detail = histogramSvg(data, DETAIL_SIZE, 'x');
    expect(detail).toContain('<line');
    expect(detail).toContain('>reference</text>');
    expect(detail).toContain('role="img" aria-label="x: reference vs current distribution"');
  });

  it('labels category bars with escaped, shortened names and both shares', () => {
    const svg = categoryBarsSvg({ categories: ['<b>', 'a very long category name indeed'], reference: [0.6, 0.4], current: [0.1, 0.9] }, DETAIL_SIZE, 'c"x');
    expect(svg).toContain('&lt;b&gt;</text>');
    expect(svg).toContain('<title>a very long category name indeed</title>a very long categ…</text>');
    expect(svg).toContain('60% → 10%');
    expect(svg).toContain('aria-label="c&quot;x: reference vs current category shares"');
  });

  it('says "no values" when there is nothing to draw', () => {
    expect(histogramSvg({ edges: [], reference: [], current: [] }, SPARK_SIZE, 'x')).toContain('>no values</text>');
    expect(categoryBarsSvg({ categories: [], reference: [], current: [] }, SPARK_SIZE, 'x')).toContain('>no values</text>');
  });
});
