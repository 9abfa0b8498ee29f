/**
 * How long the report takes to render for 20, 50 and 200 columns, in the same run:
 * - baseline: every chart in a fresh Vega View (16 at once), templates compiled once;
 * - lanes one after another (chartConcurrency 1) and concurrently (the default): one View per
 *   template draws chart after chart.
 *   node -r @swc-node/register libs/report-html/scripts/measure-render.ts [repeats]
 * Prints a table and, as its last line, `RESULT {json}` (milliseconds are medians).
 */
import { performance } from 'node:perf_hooks';
import { parse, Runtime, View } from 'vega';
import { compile } from 'vega-lite';
import { sampleReportView } from '../src/__fixtures__/sample-report-view';
import { ChartView, distributionRows, distributionSpec, TABLE } from '../src/charts/distribution-specs';
import { mapConcurrent } from '../src/charts/map-concurrent';
import { CHART_CONCURRENCY } from '../src/charts/render-report-charts';
import { renderDriftReportHtml } from '../src/render-drift-report-html';
import type { DistributionView } from '../src/report-view.types';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const runtimes = new Map<string, Runtime>();
/** The baseline: only the distribution charts, each in a new View. */
async function freshViewPerChart(columns: number): Promise<number> {
  const view = sampleReportView(columns);
  const jobs = (['spark', 'detail'] as ChartView[]).flatMap((v) => view.columns.map((c) => ({ v, d: c.distribution as DistributionView })));
  const start = performance.now();
  await mapConcurrent(jobs, 16, async ({ v, d }) => {
    const key = `${d.kind}:${v}`;
    let runtime = runtimes.get(key);
    if (runtime === undefined) runtimes.set(key, (runtime = parse(compile(distributionSpec(d.kind, v)).spec)));
    const chart = new View(runtime, { renderer: 'none' });
    const svg = await chart.data(TABLE, distributionRows(d)).toSVG();
    chart.finalize();
    return svg;
  });
  return performance.now() - start;
}

async function report(columns: number, concurrency: number): Promise<{ ms: number; bytes: number }> {
  const view = sampleReportView(columns, { history: true });
  const start = performance.now();
  const html = await renderDriftReportHtml(view, { chartConcurrency: concurrency });
  return { ms: performance.now() - start, bytes: Buffer.byteLength(html) };
}

async function main(): Promise<void> {
  const repeats = Number(process.argv[2] ?? 5);
  await report(6, CHART_CONCURRENCY); // compile the templates once, warm the JIT
  await freshViewPerChart(6);
  const rows: { columns: number; charts: number; freshViewsMs: number; lanesSequentialMs: number; lanesConcurrentMs: number; megabytes: number }[] = [];
  for (const columns of [20, 50, 200]) {
    const fresh: number[] = [];
    const sequential: number[] = [];
    const concurrent: number[] = [];
    let bytes = 0;
    for (let r = 0; r < repeats; r++) {
      fresh.push(await freshViewPerChart(columns));
      sequential.push((await report(columns, 1)).ms);
      const run = await report(columns, CHART_CONCURRENCY);
      concurrent.push(run.ms);
      bytes = run.bytes;
    }
    rows.push({
      columns,
      charts: 2 * columns + 1,
      freshViewsMs: Math.round(median(fresh)),
      lanesSequentialMs: Math.round(median(sequential)),
      lanesConcurrentMs: Math.round(median(concurrent)),
      megabytes: Math.round(bytes / 1e4) / 100,
    });
  }
  console.log('columns  charts  fresh View per chart ms  lanes 1-by-1 ms  lanes concurrent ms  html MB');
  for (const r of rows) {
    console.log(
      `${String(r.columns).padStart(7)}  ${String(r.charts).padStart(6)}  ${String(r.freshViewsMs).padStart(23)}  ${String(r.lanesSequentialMs).padStart(15)}  ${String(r.lanesConcurrentMs).padStart(19)}  ${String(r.megabytes).padStart(7)}`,
    );
  }
  console.log(`RESULT ${JSON.stringify({ repeats, concurrency: CHART_CONCURRENCY, rows })}`);
}

void main();
