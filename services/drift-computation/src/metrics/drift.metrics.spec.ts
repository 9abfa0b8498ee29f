import type { DriftReport } from '@mlops/contracts';
import { loadConfig } from '@mlops/service-runtime';
import { Registry } from 'prom-client';
import { driftComputationConfigSchema } from '../config/drift-computation-config.schema';
import { DriftMetrics } from './drift.metrics';

const report = (version: string, drifted: boolean): DriftReport => ({
  schemaVersion: 1,
  reportId: `rep-${version}`,
  model: 'loan',
  version,
  window: { kind: 'tumbling', start: '2026-11-01T10:00:00.000Z', end: '2026-11-01T11:00:00.000Z' },
  samples: { reference: 10_000, current: 3000, labeled: 2700 },
  features: [],
  datasetDrift: { share: 0, threshold: 0.1, drifted: false },
  predictionDrift: { method: 'jensen-shannon', score: 0.2, threshold: 0.1, drifted: true },
  detectors: [{ method: 'adwin', values: 2700, position: 16_188, drifted, drifts: drifted ? 1 : 0, warning: false, detections: drifted ? [{ index: 13_599 }] : [] }],
  driftType: 'prediction',
  generatedAt: '2026-11-01T11:00:05.000Z',
});

describe('DriftMetrics', () => {
  const config = loadConfig(driftComputationConfigSchema, { KAFKA_BROKERS: '127.0.0.1:9092', DRIFT_WINDOW_SIZE: '10m', DRIFT_ALLOWED_LATENESS: '1m', DRIFT_IDLE_TIMEOUT: '2m' });

  it('exports the streaming detectors, prediction drift as 0/1 and the stall threshold the alerts read', async () => {
    const registry = new Registry();
    const metrics = new DriftMetrics(registry, { service: 'drift-computation', version: 'test' }, config);
    metrics.report(report('1', true), true, Date.UTC(2026, 10, 1, 11, 1));
    const text = await registry.metrics();
    const labels = 'model="loan",version="1",detector="adwin"';
    expect(text).toContain(`mlops_drift_detector_drifted{${labels}} 1`);
    expect(text).toContain(`mlops_drift_detector_warning{${labels}} 0`);
    expect(text).toContain(`mlops_drift_detector_last_detection_index{${labels}} 13599`);
    expect(text).toContain(`mlops_drift_detector_last_detection_timestamp_seconds{${labels}} ${Date.UTC(2026, 10, 1, 11) / 1000}`);
    expect(text).toContain('mlops_drift_detector_detections_total{model="loan",detector="adwin"} 1');
    expect(text).toContain('mlops_prediction_drifted{model="loan",version="1"} 1');
    // 2 × 10 min + 1 min lateness + 2 min idle timeout.
    expect(text).toContain('mlops_drift_window_stall_threshold_seconds 1380');
    expect(text).toContain(`mlops_drift_window_evaluated_timestamp_seconds{model="loan"} ${Date.UTC(2026, 10, 1, 11, 1) / 1000}`);
  });

  it('sets the detector gauges back to 0 on a quiet window, keeps the last detection, and drops the series of old versions', async () => {
    const registry = new Registry();
    const metrics = new DriftMetrics(registry, { service: 'drift-computation', version: 'test' }, config);
    metrics.report(report('1', true), true, 0);
    metrics.report(report('1', false), true, 0);
    let text = await registry.metrics();
    expect(text).toContain('mlops_drift_detector_drifted{model="loan",version="1",detector="adwin"} 0');
    expect(text).toContain('mlops_drift_detector_last_detection_index{model="loan",version="1",detector="adwin"} 13599');
    metrics.report(report('2', false), true, 0);
    metrics.report(report('3', false), true, 0);
    text = await registry.metrics();
    expect(text).not.toContain('version="1",detector="adwin"');
    expect(text).toContain('mlops_drift_detector_drifted{model="loan",version="3",detector="adwin"} 0');
  });

  it('marks the deployed version of each model as the monitored one, moving the mark on a redeploy', async () => {
    const registry = new Registry();
    const metrics = new DriftMetrics(registry, { service: 'drift-computation', version: 'test' }, config);
    const monitored = async () => (await registry.metrics()).split('\n').filter((line) => line.startsWith('mlops_drift_monitored_version_info{')).sort();
    metrics.versionDeployed('loan', '1');
    metrics.versionDeployed('churn', '7');
    expect(await monitored()).toEqual(['mlops_drift_monitored_version_info{model="churn",version="7"} 1', 'mlops_drift_monitored_version_info{model="loan",version="1"} 1']);
    // The old version's window gauges stay (its last windows may still close); only the mark moves.
    metrics.report(report('1', true), true, 0);
    metrics.versionDeployed('loan', '2');
    metrics.versionDeployed('loan', '2');
    expect(await monitored()).toEqual(['mlops_drift_monitored_version_info{model="churn",version="7"} 1', 'mlops_drift_monitored_version_info{model="loan",version="2"} 1']);
    expect(await registry.metrics()).toContain('mlops_drift_detector_drifted{model="loan",version="1",detector="adwin"} 1');
    // A rollback marks the earlier version again.
    metrics.versionDeployed('loan', '1');
    expect(await monitored()).toEqual(['mlops_drift_monitored_version_info{model="churn",version="7"} 1', 'mlops_drift_monitored_version_info{model="loan",version="1"} 1']);
  });

  it('restores when a model\'s last window was evaluated from a replay, never moving it back', async () => {
    const registry = new Registry();
    const metrics = new DriftMetrics(registry, { service: 'drift-computation', version: 'test' }, config);
    metrics.restoreEvaluatedAt('loan', 1_000_000);
    metrics.restoreEvaluatedAt('loan', 900_000);
    expect(await registry.metrics()).toContain('mlops_drift_window_evaluated_timestamp_seconds{model="loan"} 1000');
    metrics.report(report('1', false), true, 2_000_000);
    metrics.restoreEvaluatedAt('loan', 1_500_000);
    const text = await registry.metrics();
    expect(text).toContain('mlops_drift_window_evaluated_timestamp_seconds{model="loan"} 2000');
    // A replay exports nothing else of the window.
    expect(text).toContain('mlops_drift_windows_total{model="loan",drift_type="prediction"} 1');
  });
});
