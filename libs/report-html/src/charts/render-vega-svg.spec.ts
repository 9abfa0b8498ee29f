import type { DistributionView } from '../report-view.types';
import { distributionRows, distributionSpec, TABLE } from './distribution-specs';
import { compactSvg, renderSpecSvg, TemplateView } from './render-vega-svg';

/** The SVG's elements, sorted: equal for the same picture whatever order the items were appended in. */
const elements = (svg: string) => (svg.match(/<(path|line|text|rect)\b[^>]*>([^<]*<\/text>)?/g) ?? []).sort();

describe('Vega SVG', () => {
  it('renders a Vega-Lite spec to an SVG string without a DOM', async () => {
    const svg = await renderSpecSvg({ width: 40, height: 20, data: { values: [{ k: 'a', v: 1 }, { k: 'b', v: 3 }] }, mark: 'bar', encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } } });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<path [^>]*fill="#4c78a8"/g)).toHaveLength(2);
  });

  it('draws the same picture in a reused template view as in a fresh one', async () => {
    const first: DistributionView = { kind: 'categories', categories: ['a', 'b', 'c', 'd', 'e', 'f'], reference: [0.3, 0.2, 0.2, 0.1, 0.1, 0.1], current: [0.1, 0.1, 0.1, 0.2, 0.2, 0.3] };
    const second: DistributionView = { kind: 'categories', categories: ['x', 'y'], reference: [0.9, 0.1], current: [0.5, 0.5] };
    const spec = () => distributionSpec('categories', 'detail');
    const reused = new TemplateView('categories:detail', spec, TABLE);
    const fresh = new TemplateView('categories:detail', spec, TABLE);
    try {
      await reused.render(distributionRows(first));
      const again = await reused.render(distributionRows(second));
      const once = await fresh.render(distributionRows(second));
      expect(again.slice(0, again.indexOf('>'))).toBe(once.slice(0, once.indexOf('>'))); // same size (it shrank to two categories)
      expect(elements(again)).toEqual(elements(once));
      expect(again).not.toContain('>a</text>');
    } finally {
      reused.finalize();
      fresh.finalize();
    }
  });

  it('rounds long coordinates in geometry only, never in text', () => {
    const svg = '<path d="M6.6000000000000005,1.23456h5v2.5Z" transform="translate(0.333333,2)"/><text x="1.23456">3.14159</text>';
    expect(compactSvg(svg)).toBe('<path d="M6.6,1.23h5v2.5Z" transform="translate(0.33,2)"/><text x="1.23">3.14159</text>');
  });
});
