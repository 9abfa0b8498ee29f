import { readFileSync } from 'node:fs';
import { htmlStructureProblems } from '../../__test-support__/html-well-formed';
import { runMlops } from '../../__test-support__/run-mlops';
import { syntheticColumns, toCsv } from '../../__test-support__/synthetic-data';
import { tempDir } from '../../__test-support__/temp-dir';
import type { DriftReportJson } from '../report/drift-report.types';

const dir = tempDir();
afterAll(() => dir.cleanup());

const EVIL = '<img src=x onerror=alert(1)>';

async function report(): Promise<{ html: string; json: DriftReportJson }> {
  const reference = syntheticColumns({ rows: 1500, seed: 1, shift: 0 });
  const current = syntheticColumns({ rows: 1500, seed: 2, shift: 0.6 });
  const tag = (columns: typeof reference) => ({ ...columns, [EVIL]: columns['city'].map((c) => `${String(c)} & "co"`) });
  const out = dir.file('report.html');
  const json = dir.file('report.json');
  const args = ['--target', 'y', '--prediction', 'y_pred', '--out', out, '--json', json, '--title', 'Loans <weekly>', '-q'];
  const run = await runMlops(['drift-report', '--reference', dir.file('r.csv', toCsv(quote(tag(reference)))), '--current', dir.file('c.csv', toCsv(quote(tag(current)))), ...args]);
  expect(run.stderr).toBe('');
  return { html: readFileSync(out, 'utf8'), json: JSON.parse(readFileSync(json, 'utf8')) as DriftReportJson };
}

/** CSV-quotes every text value (the evil column holds commas and quotes). */
function quote(columns: Record<string, (number | string | boolean | null)[]>): Record<string, (number | string | boolean | null)[]> {
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return Object.fromEntries(Object.entries(columns).map(([name, values]) => [name.includes(',') || name.includes('"') ? q(name) : name, values.map((v) => (typeof v === 'string' ? q(v) : v))]));
}

describe('renderReportHtml', () => {
  let html = '';
  let json: DriftReportJson;
  beforeAll(async () => ({ html, json } = await report()));

  it('is a well-formed, self-contained document', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(htmlStructureProblems(html)).toEqual([]);
    expect(html).not.toMatch(/\s(src|href)=["']?(https?:)?\/\//i); // no CDN, no network
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain('<meta charset="utf-8">');
  });

  it('has one table body, one Vega sparkline and one Vega detail chart per column, every column named', () => {
    expect(json.columns).toHaveLength(8);
    expect(html.match(/<tbody class="column/g)).toHaveLength(json.columns.length);
    expect(html.match(/<figure class="chart spark"[^>]*><svg [^>]*class="marks"/g)).toHaveLength(json.columns.length);
    expect(html.match(/<figure class="chart detail"[^>]*><svg [^>]*class="marks"/g)).toHaveLength(json.columns.length);
    json.columns.forEach((_, i) => expect(html).toContain(`<tr class="detail" id="detail-${i}" hidden>`));
    for (const name of ['income', 'age', 'children', 'city', 'member', 'y', 'y_pred']) expect(html).toContain(`>${name}</button>`);
  });

  it('states the verdict and the count of drifted columns', () => {
    const d = json.datasetDrift;
    expect(html).toContain(`<h2 id="verdict">${d.drifted ? 'Dataset drift detected' : 'No dataset drift'}</h2>`);
    expect(html).toContain(`Drift detected in ${d.driftedCount} of ${d.evaluatedCount} columns`);
    expect(html).toContain('Model performance (classification)');
  });

  it('shows each column\'s statistics and the files compared', () => {
    const income = json.columns.find((c) => c.name === 'income');
    expect(income?.reference.kind).toBe('numerical');
    expect(html).toContain('<tr><th scope="row">median</th>');
    expect(html).toContain('<tr><th scope="row">most frequent</th>');
    expect(html).toMatch(/<p class="subtitle">Reference [^<]*r\.csv \(1,500 rows\) · current [^<]*c\.csv \(1,500 rows\)/);
  });

  it('escapes names, categories and the title taken from user input', () => {
    expect(html).not.toContain(EVIL);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;</button>');
    expect(html).toContain('<title>Loans &lt;weekly&gt;</title>');
    expect(html).toMatch(/&amp; &quot;co&quot;/);
  });

  it('orders the table drifted columns first', () => {
    const names = [...html.matchAll(/<tbody class="column( drifted)?" data-name="([^"]*)"/g)].map((m) => Boolean(m[1]));
    expect(names.indexOf(false)).toBeGreaterThan(0);
    expect(names.slice(names.indexOf(false)).every((drifted) => !drifted)).toBe(true);
  });
});
