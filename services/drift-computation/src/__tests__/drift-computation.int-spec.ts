import { Topic } from '@mlops/contracts';
import { loadScenario } from '@mlops/simulation';
import { uniqueName } from '@mlops/testing';
import { closedWindowsOf, DriftHarness } from './support/drift-harness';
import { registerAgrawalBaseline } from './support/simulation-baseline';
import { ingestedStream } from './support/stream-records';

// The drift service as a real process against a real broker, fed simulated streams (Agrawal) as
// ingestion would write them, with the baseline of a stable stream in a real registry.
jest.setTimeout(240_000);

const start = Date.UTC(2026, 10, 1, 8);

describe('drift-computation service process', () => {
  const harness = new DriftHarness();

  beforeAll(() => harness.open());
  afterEach(() => harness.stopServices());
  afterAll(() => harness.close());

  it('raises no retrain request on a stable stream over many windows (false alarms counted)', async () => {
    const { prefix, t } = await harness.topics();
    const model = 'loan-stable';
    await harness.deploy(t, await registerAgrawalBaseline(harness.registry(), model));
    const stream = ingestedStream(loadScenario('stable'), { start, rate: 200, seed: 21, runId: uniqueName('stable'), model });
    const service = await harness.start(prefix);
    await harness.produce(t, stream);
    const expected = closedWindowsOf(stream, 10_000, 1000);
    const reports = await harness.waitForReports(t, expected);

    expect(reports.length).toBeGreaterThanOrEqual(12);
    expect(reports.every((r) => r.samples.current === 2000 && r.model === model && r.version === '1')).toBe(true);
    const falseAlarms = reports.filter((r) => r.driftType !== 'none');
    process.stderr.write(`stable stream: ${reports.length} windows, ${falseAlarms.length} with drift (${falseAlarms.map((r) => r.driftType).join(', ') || 'none'})\n`);
    expect(falseAlarms).toEqual([]);
    // The streaming detector (ADWIN) ran on every window's errors and raised no false alarm either.
    const detectorAlarms = reports.filter((r) => r.detectors?.some((d) => d.drifted));
    process.stderr.write(`stable stream: ${detectorAlarms.length} windows with a streaming-detector signal\n`);
    expect(reports.every((r) => r.detectors?.map((d) => d.method).join() === 'adwin')).toBe(true);
    expect(detectorAlarms).toEqual([]);
    expect(await harness.requests(t)).toEqual([]);
    // Accuracy on labeled events matches the stand-in model's 95%.
    const accuracy = reports.flatMap((r) => r.performance?.metrics.filter((m) => m.metric === 'accuracy') ?? []);
    expect(accuracy.length).toBe(reports.length);
    expect(accuracy.every((m) => m.current > 0.92 && !m.degraded)).toBe(true);
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`mlops_events_total\\{service="drift-computation",topic="${t(Topic.Predictions)}",outcome="accepted"\\} ${stream.predictions.length}`));
    expect(metrics).not.toMatch(/mlops_retrain_requests_total\{/);
  });

  it('reports an Agrawal function switch as concept drift and asks for exactly one retrain (MLflow registry)', async () => {
    const { prefix, t } = await harness.topics();
    const model = uniqueName('loan-concept');
    const version = await registerAgrawalBaseline(harness.registry('mlflow'), model);
    await harness.deploy(t, version);
    const stream = ingestedStream(loadScenario('concept-drift'), { start, rate: 300, seed: 22, runId: uniqueName('concept'), model });
    const service = await harness.start(prefix, { REGISTRY: 'mlflow', MLFLOW_TRACKING_URI: process.env.MLFLOW_TRACKING_URI as string });
    await harness.produce(t, stream);
    const reports = await harness.waitForReports(t, closedWindowsOf(stream, 10_000, 1000));

    const switchAt = start + 50_000; // event 15 000 at 300 events/s
    const before = reports.filter((r) => Date.parse(r.window.end) <= switchAt);
    const after = reports.filter((r) => Date.parse(r.window.start) >= switchAt);
    expect(before.length).toBe(5);
    expect(before.every((r) => r.driftType === 'none')).toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(3);
    for (const r of after) {
      expect(r.driftType).toBe('concept');
      expect(r.datasetDrift.drifted).toBe(false);
      expect(r.performance?.degraded).toBe(true);
    }

    // ADWIN on the error stream signals once, inside the first window after the switch.
    const signals = reports.filter((r) => r.detectors?.some((d) => d.method === 'adwin' && d.drifted));
    expect(signals.map((r) => r.window.start)).toEqual([new Date(switchAt).toISOString()]);
    expect(signals[0].detectors?.[0].detections).toHaveLength(1);

    const requests = await harness.requests(t);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({ model, reason: 'concept_drift', dataWindow: { from: new Date(switchAt).toISOString(), to: new Date(switchAt + 20_000).toISOString() } });
    expect(reports.find((r) => r.reportId === request.reportRef)?.driftType).toBe('concept');
    expect(request.detail).toMatch(/^concept drift in 2 consecutive windows of version \d+: accuracy 0\.\d+ against 0\.9\d+ at training$/);

    const latest = (await (await fetch(`${service.url}/models/${model}/reports/latest`)).json()) as { latest: { reportId: string }; history: unknown[]; distributions: { feature: string }[] };
    expect(latest.latest.reportId).toBe(reports[reports.length - 1].reportId);
    expect(latest.history.length).toBe(reports.length);
    expect(latest.distributions.map((d) => d.feature)).toContain('salary');
    const html = await fetch(`${service.url}/models/${model}/reports/latest.html`);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await html.text();
    expect(page).toContain('<svg');
    expect(page).toContain('concept');
    expect((await fetch(`${service.url}/models/no-such-model/reports/latest`)).status).toBe(404);
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain(`mlops_retrain_requests_total{model="${model}",reason="concept_drift"} 1`);
    expect(metrics).toContain(`mlops_drift_detector_detections_total{model="${model}",detector="adwin"} 1`);
    expect(metrics).toMatch(new RegExp(`mlops_model_performance\\{model="${model.replace(/\./g, '\\.')}",version="${version.version}",metric="accuracy",window="baseline"\\} 0\\.9`));
  });
});
