import { Topic } from '@mlops/contracts';
import { loadScenario } from '@mlops/simulation';
import { uniqueName, waitFor } from '@mlops/testing';
import { closedWindowsOf, DriftHarness } from './support/drift-harness';
import { registerAgrawalBaseline } from './support/simulation-baseline';
import { ingestedStream } from './support/stream-records';

// Kill -9 in the middle of a window, right after the retrain request went out, restart and
// finish the stream: every closed window must hold every prediction exactly once, and the
// request must not be repeated.
jest.setTimeout(300_000);

describe('drift-computation across a crash', () => {
  const harness = new DriftHarness();

  beforeAll(() => harness.open());
  afterAll(() => harness.close());

  it('loses no event, counts none twice and repeats neither report nor retrain request after SIGKILL mid-window', async () => {
    const { prefix, t } = await harness.topics();
    const model = 'loan-restart';
    await harness.deploy(t, await registerAgrawalBaseline(harness.registry(), model));
    const start = Date.UTC(2026, 10, 1, 9);
    const stream = ingestedStream(loadScenario('concept-drift'), { start, rate: 300, seed: 23, runId: uniqueName('restart'), model });
    // Up to 85 s of event time: the request (windows 5 and 6) is made, window 8 is half full.
    const cut = stream.ordered.findIndex((o) => o.eventTimeMs >= start + 85_000);

    const first = await harness.start(prefix);
    await harness.produce(t, stream, { to: cut });
    await waitFor(async () => (await harness.count(t(Topic.RetrainRequests))) === 1, 'the retrain request', { timeoutMs: 120_000, intervalMs: 200 });
    expect((await first.stop('SIGKILL')).code).toBe('SIGKILL');

    await harness.start(prefix);
    await harness.produce(t, stream, { from: cut });
    // Windows 0–8 close (window 8 was half full at the crash); window 9 stays open.
    expect(closedWindowsOf(stream, 10_000, 1000) + 1).toBe(9);
    await harness.waitForReports(t, 9);
    await new Promise((r) => setTimeout(r, 3000));

    const all = await harness.reports(t);
    const ids = all.map((r) => r.reportId);
    expect(ids).toEqual([...new Set(ids)]);
    expect(all.length).toBe(9);
    expect(all.every((r) => r.samples.current === 3000)).toBe(true);
    expect(all.map((r) => r.window.start)).toEqual(all.map((_, i) => new Date(start + i * 10_000).toISOString()));
    expect(all.filter((r) => Date.parse(r.window.start) >= start + 50_000).every((r) => r.driftType === 'concept')).toBe(true);
    const requests = await harness.requests(t);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ reason: 'concept_drift', dataWindow: { from: new Date(start + 50_000).toISOString() } });
  });
});
