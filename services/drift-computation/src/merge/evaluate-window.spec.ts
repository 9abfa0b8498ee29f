import { DriftReportSchema } from '@mlops/contracts';
import { loadScenario } from '@mlops/simulation';
import { toBaseline } from '../baselines/baseline';
import { DEFAULT_RETRAIN_POLICY } from '../policy/retrain-policy';
import { agrawalBaseline } from '../__tests__/support/simulation-baseline';
import { buildPartials, evaluatePartials, liveOrder, partitionStream } from '../__tests__/support/in-memory-pipeline';
import { ingestedStream } from '../__tests__/support/stream-records';
import type { WindowSpec } from '../windows/windowing';

// The whole computation without Kafka: simulated streams split over 4 partitions, stage 1 per
// partition, stage 2 over the partials, as the service does it.
const built = agrawalBaseline(20_000, 1001);
const baseline = toBaseline('loan-approval', '1', JSON.parse(JSON.stringify(built.profile.toJSON())), built.metrics);
const spec: WindowSpec = { kind: 'time', sizeMs: 30_000, latenessMs: 2000 };
const policy = { ...DEFAULT_RETRAIN_POLICY, cooldownMs: 3_600_000 };
const start = Date.UTC(2026, 10, 1);

function run(scenario: string, seed: number) {
  const stream = ingestedStream(loadScenario(scenario), { start, rate: 100, seed, runId: `${scenario}-${seed}` });
  const partials = buildPartials(partitionStream(stream, 4), baseline, policy, spec);
  return evaluatePartials(liveOrder(partials), baseline, policy, spec, 4, 2);
}

describe('window evaluation on simulated streams (4 partitions, 30 s windows of 3000 predictions)', () => {
  it('stable stream: no drift, no retrain request, every report valid against the contract', () => {
    const { reports, requests } = run('stable', 11);
    expect(reports.length).toBeGreaterThanOrEqual(8);
    for (const r of reports) expect(DriftReportSchema.safeParse(r).success).toBe(true);
    expect(reports.filter((r) => r.driftType !== 'none').map((r) => r.window.start)).toEqual([]);
    expect(requests).toEqual([]);
    expect(reports.every((r) => r.samples.current === 3000 && r.performance?.metrics[0].metric === 'accuracy')).toBe(true);
    // The streaming detector (ADWIN by default) runs on every window's errors, continuing its stream, and stays silent.
    expect(reports.map((r) => r.detectors?.map((d) => [d.method, d.drifted]))).toEqual(reports.map(() => [['adwin', false]]));
    expect(reports.map((r) => r.detectors?.[0].position)).toEqual(reports.map((_, i) => reports.slice(0, i + 1).reduce((n, r) => n + r.samples.labeled, 0)));
  });

  it('covariate shift of salary: data drift on salary alone, performance holds', () => {
    const { reports } = run('covariate-drift', 12);
    const after = reports.filter((r) => Date.parse(r.window.start) >= start + 150_000);
    expect(after.length).toBeGreaterThanOrEqual(4);
    for (const r of after) {
      expect(r.driftType).toBe('data');
      expect(r.features.filter((f) => f.drifted).map((f) => f.feature)).toEqual(['salary']);
      expect(r.performance?.degraded).toBe(false);
    }
    expect(reports.filter((r) => Date.parse(r.window.end) <= start + 150_000).every((r) => r.driftType === 'none')).toBe(true);
  });

  it('Agrawal F2 → F6: concept drift with no data drift, and exactly one retrain request', () => {
    const { reports, requests } = run('concept-drift', 13);
    const after = reports.filter((r) => Date.parse(r.window.start) >= start + 150_000);
    expect(after.every((r) => r.driftType === 'concept' && r.datasetDrift.drifted === false)).toBe(true);
    const accuracy = after[0].performance?.metrics.find((m) => m.metric === 'accuracy');
    expect(accuracy?.current).toBeLessThan(0.8);
    expect(accuracy?.degraded).toBe(true);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ model: 'loan-approval', reason: 'concept_drift', dataWindow: { from: new Date(start + 150_000).toISOString(), to: new Date(start + 210_000).toISOString() } });
    // ADWIN on the error stream signals once, 68 labels into the first window after the switch.
    const signals = reports.flatMap((r) => (r.detectors ?? []).filter((d) => d.drifted).map((d) => ({ window: r.window.start, method: d.method, index: d.detections.map((x) => x.index) })));
    expect(signals).toEqual([{ window: new Date(start + 150_000).toISOString(), method: 'adwin', index: [13_599] }]);
    expect(13_599 - (after[0].detectors?.[0].position ?? 0) + after[0].samples.labeled).toBe(68);
  });

  it('DDM and Page–Hinkley too when configured; DDM also signals on the stable part (why it is not the default)', () => {
    const stream = ingestedStream(loadScenario('concept-drift'), { start, rate: 100, seed: 13, runId: 'concept-drift-13' });
    const all = { ...policy, detectors: ['ddm', 'adwin', 'page_hinkley'] as const };
    const { reports, requests } = evaluatePartials(liveOrder(buildPartials(partitionStream(stream, 4), baseline, all, spec)), baseline, all, spec, 4, 2);
    const signals = (method: string) => reports.flatMap((r) => r.detectors?.find((d) => d.method === method)?.detections.map((d) => d.index) ?? []);
    expect(signals('ddm')).toEqual([72, 122, 744, 13_764]);
    expect(signals('adwin')).toEqual([13_599]);
    expect(signals('page_hinkley')).toEqual([13_752]);
    // DDM's early signals are evidence without the metrics' confirmation: the request is unchanged.
    expect(requests.map((r) => r.dataWindow)).toEqual([{ from: new Date(start + 150_000).toISOString(), to: new Date(start + 210_000).toISOString() }]);
  });

  it('reports a window with too few samples as such, not as drift', () => {
    const stream = ingestedStream(loadScenario('covariate-drift'), { start, rate: 10, seed: 14, runId: 'small', limit: 3000 });
    const partials = buildPartials(partitionStream(stream, 4), baseline, policy, spec);
    const { reports } = evaluatePartials(liveOrder(partials), baseline, { ...policy, minSamples: 1000 }, spec, 4, 2);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.samples.current === 300 && r.features.length === 0 && r.driftType === 'none' && r.predictionDrift === undefined)).toBe(true);
  });
});
