import { escapeHtml, lineChart, pairedBarChart } from './svg-charts';
import type { ReportView } from './report-view';

const TYPE_COLOURS: Record<string, string> = { none: '#27ae60', data: '#e67e22', prediction: '#f1c40f', concept: '#c0392b', data_and_concept: '#8e44ad' };
const num = (v: number | undefined, digits = 4) => (v === undefined ? '—' : v.toFixed(digits));

/**
 * The latest window of a model as a self-contained HTML page: verdict, per-feature results with
 * reference vs current distributions, performance against the baseline, and the recent history
 * of dataset drift and the primary metric. Inline SVG and CSS only: it renders offline.
 */
export function renderReportHtml(view: ReportView): string {
  const r = view.latest;
  const charts = new Map((view.distributions ?? []).map((d) => [d.feature, d]));
  const featureRows = r.features
    .map((f) => {
      const chart = charts.get(f.feature);
      return `<tr class="${f.drifted ? 'drifted' : ''}"><td>${escapeHtml(f.feature)}</td><td>${f.type}</td><td>${escapeHtml(f.method)}</td><td>${num(f.score)}</td><td>${num(f.pValue)}</td><td>${num(f.threshold)}</td><td>${f.drifted ? 'yes' : 'no'}</td><td>${
        chart ? pairedBarChart(chart.buckets, { drifted: f.drifted, title: `${f.feature}: reference vs current` }) : ''
      }</td></tr>`;
    })
    .join('');
  const prediction = r.predictionDrift
    ? `<p>Prediction drift (${escapeHtml(r.predictionDrift.method)}): score ${num(r.predictionDrift.score)}, threshold ${num(r.predictionDrift.threshold)} — <b>${r.predictionDrift.drifted ? 'drifted' : 'stable'}</b></p>`
    : '<p>Prediction drift: not tested (too few samples).</p>';
  const predictionCharts = (view.distributions ?? [])
    .filter((d) => d.role === 'prediction')
    .map((d) => `<figure>${pairedBarChart(d.buckets, { drifted: r.predictionDrift?.drifted ?? false, title: `${d.feature}: reference vs current` })}<figcaption>${escapeHtml(d.feature)}</figcaption></figure>`)
    .join('');
  const performance = r.performance
    ? `<table><tr><th>metric</th><th>current</th><th>baseline</th><th>max. drop</th><th>degraded</th></tr>${r.performance.metrics
        .map((m) => `<tr class="${m.degraded ? 'drifted' : ''}"><td>${escapeHtml(m.metric)}</td><td>${num(m.current)}</td><td>${num(m.baseline)}</td><td>${(m.threshold * 100).toFixed(0)}%</td><td>${m.degraded ? 'yes' : 'no'}</td></tr>`)
        .join('')}</table>`
    : '<p>No labels in this window yet.</p>';
  const labels = view.history.map((h) => h.window.end);
  const metricName = view.history.flatMap((h) => h.performance ?? [])[0]?.metric;
  const history = lineChart(
    [
      { name: 'dataset drift share', colour: '#2e86de', values: view.history.map((h) => h.datasetDriftShare) },
      ...(metricName ? [{ name: metricName, colour: '#27ae60', values: view.history.map((h) => h.performance?.find((p) => p.metric === metricName)?.current ?? null) }] : []),
    ],
    { title: 'recent windows', threshold: r.datasetDrift.threshold, labels },
  );
  const historyRows = [...view.history]
    .reverse()
    .map((h) => `<tr><td>${escapeHtml(h.window.start)} → ${escapeHtml(h.window.end)}</td><td>${escapeHtml(h.version)}</td><td>${h.samples.current}</td><td>${h.samples.labeled}</td><td>${(h.datasetDriftShare * 100).toFixed(0)}%</td><td style="color:${TYPE_COLOURS[h.driftType]}">${h.driftType}</td><td>${escapeHtml(h.driftedFeatures.join(', '))}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Drift report: ${escapeHtml(view.model)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#2d3436}table{border-collapse:collapse;margin:8px 0}td,th{border-bottom:1px solid #dfe6e9;padding:4px 8px;text-align:left;vertical-align:middle}tr.drifted td{background:#fdecea}.verdict{display:inline-block;padding:4px 10px;border-radius:4px;color:#fff;background:${TYPE_COLOURS[r.driftType]}}figure{display:inline-block;margin:4px}</style></head>
<body>
<h1>Drift report: ${escapeHtml(view.model)} version ${escapeHtml(r.version)}</h1>
<p>Window ${escapeHtml(r.window.start)} → ${escapeHtml(r.window.end)} (${r.window.kind}); ${r.samples.current} predictions, ${r.samples.labeled} labeled, reference of ${r.samples.reference} rows. Generated ${escapeHtml(r.generatedAt)}.</p>
<p>Verdict: <span class="verdict">${r.driftType}</span> — ${(r.datasetDrift.share * 100).toFixed(1)}% of the features drifted (threshold ${(r.datasetDrift.threshold * 100).toFixed(0)}%).</p>
<h2>Features</h2>
${r.features.length > 0 ? `<table><tr><th>feature</th><th>type</th><th>method</th><th>score</th><th>p-value</th><th>threshold</th><th>drifted</th><th>reference (grey) vs current</th></tr>${featureRows}</table>` : '<p>Too few samples in this window to test the features.</p>'}
${view.distributions ? '' : '<p><i>Distributions are drawn by the instance that evaluated the window; this one only has the report.</i></p>'}
<h2>Prediction</h2>${prediction}${predictionCharts}
<h2>Performance against the baseline</h2>${performance}
<h2>Recent windows</h2>${history}
<table><tr><th>window</th><th>version</th><th>predictions</th><th>labeled</th><th>drift share</th><th>type</th><th>drifted features</th></tr>${historyRows}</table>
</body></html>`;
}
