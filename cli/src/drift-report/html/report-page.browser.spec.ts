import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CURRENT_COLOR, REFERENCE_COLOR } from '@mlops/report-html';
import { BrowserPage, HeadlessBrowser, launchChromium } from '../../__test-support__/headless-chromium';
import { runMlops } from '../../__test-support__/run-mlops';
import { syntheticColumns, toCsv } from '../../__test-support__/synthetic-data';
import { tempDir } from '../../__test-support__/temp-dir';

jest.setTimeout(60_000);

/** Where the screenshot is kept for CI to collect (tmp/ is git-ignored). */
const ARTIFACTS = resolve(__dirname, '../../../../tmp/test-artifacts/drift-report');

const dir = tempDir();
let browser: HeadlessBrowser;
let page: BrowserPage;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const out = dir.file('report.html');
  const reference = dir.file('ref.csv', toCsv(syntheticColumns({ rows: 2000, seed: 1, shift: 0 })));
  const current = dir.file('cur.csv', toCsv(syntheticColumns({ rows: 2000, seed: 2, shift: 0.5 })));
  const run = await runMlops(['drift-report', '--reference', reference, '--current', current, '--target', 'y', '--prediction', 'y_pred', '--out', out, '-q']);
  expect(run.code).toBe(0);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(out).href);
});

afterAll(async () => {
  await browser?.close();
  dir.cleanup();
});

async function columnNames(): Promise<string[]> {
  const bodies = page.locator('#drift-table tbody.column');
  const names: string[] = [];
  for (let i = 0; i < (await bodies.count()); i++) names.push((await bodies.nth(i).getAttribute('data-name')) ?? '');
  return names;
}

describe('the HTML report in headless Chromium', () => {
  it('shows the verdict and the summary', async () => {
    expect(await page.locator('#verdict').textContent()).toBe('Dataset drift detected');
    expect(await page.locator('#summary-text').textContent()).toMatch(/^Drift detected in \d of 5 columns/);
    expect(await page.locator('#performance').isVisible()).toBe(true);
  });

  it('lists every column with a reference-vs-current sparkline drawn by Vega', async () => {
    expect(await page.locator('#drift-table tbody.column').count()).toBe(7);
    const sparks = page.locator('#drift-table tr.row figure.chart.spark > svg.marks');
    expect(await sparks.count()).toBe(7);
    for (let i = 0; i < 7; i++) {
      const box = await sparks.nth(i).boundingBox();
      expect(box?.width).toBeGreaterThan(100);
      expect(box?.height).toBeGreaterThan(20);
      const bars = sparks.nth(i).locator('g.mark-rect');
      expect(await bars.locator(`path[fill="${REFERENCE_COLOR}"]`).count()).toBeGreaterThan(0);
      expect(await bars.locator(`path[fill="${CURRENT_COLOR}"]`).count()).toBeGreaterThan(0);
    }
  });

  it('expands a column into its detail chart and statistics', async () => {
    const first = page.locator('#drift-table tbody.column').nth(0);
    const detail = first.locator('tr.detail');
    expect(await detail.isVisible()).toBe(false);
    await first.locator('button.expand').click();
    expect(await first.locator('button.expand').getAttribute('aria-expanded')).toBe('true');
    expect(await detail.isVisible()).toBe(true);
    const chart = detail.locator('figure.chart.detail > svg.marks');
    expect(await chart.isVisible()).toBe(true);
    expect((await chart.boundingBox())?.width).toBeGreaterThan(400);
    expect(await chart.locator('g.role-axis').count()).toBeGreaterThanOrEqual(2); // x and y (a grid counts as one more)
    expect(await chart.locator('g.role-legend').count()).toBe(1);
    expect(await detail.locator('table.stats').isVisible()).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
  });

  it('sorts the table by a heading, both ways', async () => {
    await page.locator('th[data-sort="name"] button').click();
    const ascending = await columnNames();
    expect(ascending).toEqual([...ascending].sort());
    await page.locator('th[data-sort="name"] button').click();
    expect(await columnNames()).toEqual([...ascending].reverse());
    expect(await page.locator('th[data-sort="name"]').getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts by score numerically, highest first', async () => {
    await page.locator('th[data-sort="score"] button').click();
    const bodies = page.locator('#drift-table tbody.column');
    const scores: number[] = [];
    for (let i = 0; i < (await bodies.count()); i++) scores.push(Number(await bodies.nth(i).getAttribute('data-score')));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBeGreaterThan(1);
  });

  it('made no network request and logged no error', () => {
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
