import { sampleReportView } from './__fixtures__/sample-report-view';
import { CURRENT_COLOR, REFERENCE_COLOR } from './charts/chart-palette';
import { renderDriftReportHtml } from './render-drift-report-html';
import type { DriftReportView } from './report-view.types';

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

/** The SVG inside each <figure> of a class, in document order. */
function figures(html: string, className: string): string[] {
  return [...html.matchAll(new RegExp(`<figure class="chart ${className}"[^>]*>(<svg[\\s\\S]*?</svg>)</figure>`, 'g'))].map((m) => m[1]);
}

describe('renderDriftReportHtml', () => {
  let html = '';
  const view = sampleReportView(8, { history: true });
  beforeAll(async () => {
    html = await renderDriftReportHtml(view);
  });

  it('is one self-contained document: inline style and script, nothing fetched', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/\s(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(|<link\b/);
    expect(count(html, /<script>/g)).toBe(1);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('draws a Vega sparkline and a Vega detail chart per column, each with both sides', () => {
    const sparks = figures(html, 'spark');
    const details = figures(html, 'detail');
    expect(sparks).toHaveLength(8);
    expect(details).toHaveLength(8);
    for (const svg of [...sparks, ...details]) {
      expect(svg).toMatch(/^<svg [^>]*class="marks"/); // Vega's SVG renderer, not hand-drawn
      expect(svg).toContain('mark-rect');
      expect(svg).toContain(`fill="${REFERENCE_COLOR}"`);
      expect(svg).toContain(`fill="${CURRENT_COLOR}"`);
    }
    expect(sparks[0]).toMatch(/width="132" height="34"/);
    expect(sparks[0]).not.toContain('role-axis'); // a sparkline has no axes…
    expect(details[0]).toContain('role-axis'); // …its detail view has them, and a legend
    expect(details[0]).toContain('role-legend');
  });

  it('states the verdict and the drifted count', () => {
    expect(html).toContain('<h2 id="verdict">Dataset drift detected</h2>');
    expect(html).toContain('<p id="summary-text">Drift detected in 3 of 8 columns (37.5%); the dataset counts as drifted when more than 10% of its feature columns drift.</p>');
  });

  it('writes the sortable table: keys on each body, badges, hidden detail rows', () => {
    expect(count(html, /<tbody class="column/g)).toBe(8);
    expect(count(html, /<tbody class="column drifted"/g)).toBe(3);
    expect(html).toContain('<th scope="col" data-sort="score" data-first="descending" aria-sort="none">');
    expect(html).toContain('data-name="column_000" data-type="numerical" data-method="ks" data-score="0" data-pvalue="0" data-threshold="0.05" data-rank="0"');
    view.columns.forEach((_, i) => expect(html).toContain(`<tr class="detail" id="detail-${i}" hidden>`));
    expect(html).toContain('<span class="role">prediction</span>');
  });

  it('escapes user text in the page and inside the charts', () => {
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;</button>');
    expect(html).toContain('<title>Sample &lt;report&gt;</title>');
    expect(html).not.toContain('<b>x</b>');
    expect(figures(html, 'detail')[1]).toContain('>&lt;b&gt;x&lt;/b&gt; &amp; "y"</text>');
  });

  it('draws the history of recent windows and lists them newest first', () => {
    const [history] = figures(html, 'history');
    expect(history).toContain('mark-line');
    expect(history).toContain('mark-rule'); // the drift-share threshold
    expect(history).toContain('>accuracy</text>');
    expect(html.indexOf('2026-11-27T10:25:00.000Z →')).toBeLessThan(html.indexOf('2026-11-27T10:00:00.000Z →'));
  });

  it('says so where there is nothing to draw, and leaves out empty sections', async () => {
    const base = sampleReportView(2);
    const empty: DriftReportView = {
      ...base,
      performance: undefined,
      notes: [],
      columns: [
        { ...base.columns[0], status: 'no-data', distribution: { kind: 'histogram', edges: [], reference: [], current: [] } },
        { ...base.columns[1], distribution: null },
      ],
    };
    const page = await renderDriftReportHtml(empty);
    expect(figures(page, 'spark')).toEqual([]);
    expect(page).toContain('<span class="no-chart">no values</span>');
    expect(page).toContain('Distributions were not kept for this column.');
    expect(page).toContain('<span class="badge none">no data</span>');
    expect(page).not.toContain('id="history"');
    expect(page).not.toContain('id="performance"');
    expect(page).not.toContain('id="ignored"');
  });

  it('draws degenerate distributions: one value, one empty side, a single category', async () => {
    const base = sampleReportView(3);
    const shapes: DriftReportView['columns'][number]['distribution'][] = [
      { kind: 'histogram', edges: [5, 5], reference: [1], current: [1] },
      { kind: 'histogram', edges: [0, 1, 2], reference: [0.5, 0.5], current: [0, 0] },
      { kind: 'categories', categories: ['only'], reference: [1], current: [0] },
    ];
    const page = await renderDriftReportHtml({ ...base, columns: base.columns.map((c, i) => ({ ...c, distribution: shapes[i] })) });
    const svgs = [...figures(page, 'spark'), ...figures(page, 'detail')];
    expect(svgs).toHaveLength(6);
    for (const svg of svgs) expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('puts each chart in its own column, whatever the mix of kinds', async () => {
    const base = sampleReportView(30);
    const columns = base.columns.map((c, i) => (i % 2 === 0 ? { ...c, distribution: { kind: 'categories' as const, categories: [`only-${i}`], reference: [1], current: [1] } } : c));
    const page = await renderDriftReportHtml({ ...base, columns });
    const details = figures(page, 'detail');
    expect(details).toHaveLength(30);
    details.forEach((svg, i) => expect(svg.includes(`>only-${i}</text>`)).toBe(i % 2 === 0));
  });

  it('renders 200 columns (401 charts) in reasonable time', async () => {
    const start = Date.now();
    const page = await renderDriftReportHtml(sampleReportView(200, { history: true }));
    const ms = Date.now() - start;
    expect(figures(page, 'spark')).toHaveLength(200);
    expect(figures(page, 'detail')).toHaveLength(200);
    expect(ms).toBeLessThan(30_000); // measured 0.3–0.8 s in plain Node, ~3 s under jest, on a loaded 2-core machine
  }, 60_000);
});
