import path from 'node:path';
import { loadScenario } from '@mlops/simulation';
import { uniqueName, waitFor } from '@mlops/testing';
import { DriftHarness } from './support/drift-harness';
import { PrometheusProcess, startPrometheus } from './support/prometheus-process';
import { registerAgrawalBaseline } from './support/simulation-baseline';
import { ingestedStream } from './support/stream-records';

// A covariate shift on one feature of nine, seen in drift.reports and by a real Prometheus that
// scrapes the service and evaluates the repo's alert rules (deploy/prometheus/rules, read only).
jest.setTimeout(240_000);

const RULES = path.resolve(__dirname, '../../../../deploy/prometheus/rules/*.yml');

describe('drift-computation scraped by Prometheus', () => {
  const harness = new DriftHarness();
  let prometheus: PrometheusProcess | undefined;

  beforeAll(() => harness.open());
  afterAll(async () => {
    await prometheus?.stop();
    await harness.close();
  });

  it('reports a covariate shift of salary as data drift on salary alone, and Prometheus sees it', async () => {
    const { prefix, t } = await harness.topics();
    const model = 'loan-covariate';
    const version = await registerAgrawalBaseline(harness.registry(), model);
    await harness.deploy(t, version);
    const start = Date.UTC(2026, 10, 1, 11);
    const stream = ingestedStream(loadScenario('covariate-drift'), { start, rate: 300, seed: 25, runId: uniqueName('covariate'), model });
    // A short stall threshold: once the stream ends, the stalled-windows alert goes pending.
    const service = await harness.start(prefix, { DRIFT_STALL_AFTER: '5s' });
    prometheus = await startPrometheus([{ url: service.url, labels: { service: 'drift-computation' } }], [RULES]);
    await harness.produce(t, stream);

    const reports = await harness.waitForReports(t, 9);
    const shiftAt = start + 50_000;
    const after = reports.filter((r) => Date.parse(r.window.start) >= shiftAt);
    expect(after.length).toBe(4);
    for (const r of after) {
      expect(r.driftType).toBe('data');
      expect(r.features.filter((f) => f.drifted).map((f) => f.feature)).toEqual(['salary']);
      expect(r.datasetDrift).toMatchObject({ drifted: true, threshold: 0.1 });
      expect(r.datasetDrift.share).toBeCloseTo(1 / 9, 10);
      expect(r.performance?.degraded).toBe(false);
    }
    expect(reports.filter((r) => Date.parse(r.window.end) <= shiftAt).every((r) => r.driftType === 'none')).toBe(true);

    const p = prometheus;
    const labels = `model="${model}",version="${version.version}"`;
    await waitFor(async () => (await p.query(`mlops_feature_drifted{${labels},feature="salary"}`))[0]?.value[1] === '1', 'salary drifted in Prometheus', { timeoutMs: 30_000, intervalMs: 500 });
    const value = async (expr: string) => Number((await p.query(expr))[0]?.value[1]);
    expect(await value(`mlops_dataset_drift_share{${labels}}`)).toBeCloseTo(1 / 9, 10);
    expect(await value(`sum(mlops_feature_drifted{${labels}})`)).toBe(1);
    expect(await value(`mlops_feature_drift_score{${labels},feature="salary",method="wasserstein-normed"}`)).toBeGreaterThan(0.1);
    expect(await value(`mlops_feature_drift_threshold{${labels},feature="salary"}`)).toBe(0.1);
    expect(await value(`mlops_window_samples{${labels}}`)).toBe(3000);
    expect(await value(`mlops_label_coverage_ratio{${labels}}`)).toBeGreaterThan(0.8);
    expect(await value(`mlops_model_performance{${labels},metric="accuracy",window="current"}`)).toBeGreaterThan(0.9);
    expect((await p.query(`count by (feature) (mlops_feature_drift_score{${labels}})`)).length).toBe(9);
    expect(await value(`sum(mlops_drift_windows_total{model="${model}",drift_type="data"})`)).toBe(4);
    // The streaming detector ran on the labeled events and, performance holding, saw no change.
    expect(await value(`mlops_drift_detector_drifted{${labels},detector="adwin"}`)).toBe(0);
    expect(await p.query(`mlops_drift_detector_detections_total{model="${model}"}`)).toEqual([]);
    // Prediction drift as 0/1, matching the latest report's test.
    expect(await value(`mlops_prediction_drifted{${labels}}`)).toBe(reports[reports.length - 1].predictionDrift?.drifted ? 1 : 0);
    expect(await value('mlops_drift_window_stall_threshold_seconds')).toBe(5);
    // The repo's alert on dataset drift goes pending on these series (it fires after 5 minutes).
    await waitFor(async () => (await p.query(`ALERTS{alertname="MlopsDatasetDrift",model="${model}"}`)).length === 1, 'MlopsDatasetDrift pending', { timeoutMs: 30_000, intervalMs: 500 });
    // No more events, so no more windows: the stalled-windows alert goes pending for this model.
    await waitFor(async () => (await p.query(`ALERTS{alertname="MlopsDriftWindowsStalled",model="${model}"}`)).length === 1, 'MlopsDriftWindowsStalled pending', { timeoutMs: 30_000, intervalMs: 500 });
    expect(await p.query(`ALERTS{alertname=~"MlopsStreamingDetectorDrift|MlopsLabelCoverageLow",model="${model}"}`)).toEqual([]);
  });
});
