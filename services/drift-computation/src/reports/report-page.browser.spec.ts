import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DriftReport } from '@mlops/contracts';
import { CURRENT_COLOR, REFERENCE_COLOR } from '@mlops/report-html';
import { Browser, chromium, Page } from 'playwright-core';
import { renderReportHtml } from './render-report-html';
import { ReportHistory } from './report-history';
import { reportView } from './report-view';

jest.setTimeout(60_000);

/** Debian's chromium package (installed by .ci/run); CHROMIUM_PATH overrides it. */
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Where the screenshot is kept for CI to collect (tmp/ is git-ignored). */
const ARTIFACTS = resolve(__dirname, '../../../../tmp/test-artifacts/drift-computation');

const window = (i: number) => ({ kind: 'tumbling' as const, start: new Date(Date.UTC(2026, 10, 27, 10, i * 5)).toISOString(), end: new Date(Date.UTC(2026, 10, 27, 10, i * 5 + 5)).toISOString() });

/** Six windows of a model: stable, then a shift in `car` and an accuracy drop in the last. */
function report(i: number): DriftReport {
  const last = i === 5;
  return {
    schemaVersion: 1,
    reportId: `dr-${i}`,
    model: 'loan',
    version: '2',
    window: window(i),
    samples: { reference: 5000, current: 1000, labeled: 800 },
    features: [
      { feature: 'salary', type: 'numerical', method: 'ks', score: 0.03, pValue: 0.4, threshold: 0.05, drifted: false },
      { feature: 'car', type: 'categorical', method: 'jensen-shannon', score: last ? 0.31 : 0.02, threshold: 0.1, drifted: last },
      { feature: 'age', type: 'numerical', method: 'wasserstein-normed', score: 0.05, threshold: 0.1, drifted: false },
    ],
    datasetDrift: { share: last ? 1 / 3 : 0, threshold: 0.1, drifted: last },
    predictionDrift: { method: 'jensen-shannon', score: 0.04, threshold: 0.1, drifted: false },
    performance: { metrics: [{ metric: 'accuracy', current: last ? 0.62 : 0.91, baseline: 0.92, threshold: 0.1, degraded: last }], degraded: last },
    driftType: last ? 'data_and_concept' : 'none',
    generatedAt: window(i).end,
  };
}

const bins = (edges: number[], reference: number[], current: number[]) =>
  reference.map((r, i) => ({ key: `(${i === 0 ? '-inf' : edges[i - 1]}, ${i === edges.length ? '+inf)' : `${edges[i]}]`}`, reference: r, current: current[i] }));

let browser: Browser;
let page: Page;
let dir: string;
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  const history = new ReportHistory(10);
  for (let i = 0; i < 5; i++) history.add(report(i));
  history.add(report(5), [
    { feature: 'salary', role: 'feature', buckets: bins([30000, 50000, 70000, 90000], [0.2, 0.3, 0.3, 0.1, 0.1], [0.18, 0.31, 0.29, 0.12, 0.1]) },
    { feature: 'car', role: 'feature', buckets: ['sedan', 'suv', 'van', 'truck'].map((key, i) => ({ key, reference: [0.4, 0.3, 0.2, 0.1][i], current: [0.1, 0.2, 0.3, 0.4][i] })) },
    { feature: 'age', role: 'feature', buckets: bins([30, 45, 60], [0.3, 0.3, 0.3, 0.1], [0.28, 0.32, 0.3, 0.1]) },
    { feature: 'prediction', role: 'prediction', buckets: [{ key: '0', reference: 0.5, current: 0.46 }, { key: '1', reference: 0.5, current: 0.54 }] },
  ]);
  dir = mkdtempSync(join(tmpdir(), 'drift-page-'));
  const file = join(dir, 'latest.html');
  writeFileSync(file, await renderReportHtml(reportView('loan', history.history('loan'))!));
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the drift service's report page in headless Chromium", () => {
  it('shows the verdict and the summary of the latest window', async () => {
    expect(await page.locator('#verdict').textContent()).toBe('Dataset drift detected');
    expect(await page.locator('#summary-text').textContent()).toMatch(/^Drift detected in 1 of 3 columns \(33\.3%\).*data_and_concept/);
    expect(await page.locator('#performance tr.flagged').count()).toBe(1);
  });

  it('draws a Vega sparkline per feature and for the prediction', async () => {
    const sparks = page.locator('#drift-table tr.row figure.chart.spark > svg.marks');
    expect(await sparks.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      expect((await sparks.nth(i).boundingBox())?.width).toBeGreaterThan(100);
      expect(await sparks.nth(i).locator(`g.mark-rect path[fill="${REFERENCE_COLOR}"]`).count()).toBeGreaterThan(0);
      expect(await sparks.nth(i).locator(`g.mark-rect path[fill="${CURRENT_COLOR}"]`).count()).toBeGreaterThan(0);
    }
    expect(await page.locator('#drift-table tbody.column').first().getAttribute('data-name')).toBe('car'); // drifted first
  });

  it('draws the history of recent windows with the drift share and accuracy', async () => {
    const chart = page.locator('#history figure.chart.history > svg.marks');
    expect(await chart.isVisible()).toBe(true);
    expect(await chart.locator('g.mark-line path').count()).toBe(2);
    expect(await chart.locator('g.mark-symbol.role-mark path').count()).toBe(12); // a point per window and series
    expect(await page.locator('#history table.windows tbody tr').count()).toBe(6);
  });

  it('expands a feature into its grouped bars, sorts by name, and saves a screenshot', async () => {
    const first = page.locator('#drift-table tbody.column').first();
    await first.locator('button.expand').click();
    const detail = first.locator('tr.detail figure.chart.detail > svg.marks');
    expect(await detail.isVisible()).toBe(true);
    expect(await detail.locator('g.role-axis-label text').allTextContents()).toEqual(expect.arrayContaining(['sedan', 'suv', 'van', 'truck']));
    await page.locator('th[data-sort="name"] button').click();
    const names = await page.locator('#drift-table tbody.column').evaluateAll((bodies) => bodies.map((b) => b.getAttribute('data-name')));
    expect(names).toEqual(['age', 'car', 'prediction', 'salary']);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report-page.png'), fullPage: true });
  });

  it('made no network request and logged no error', () => {
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
