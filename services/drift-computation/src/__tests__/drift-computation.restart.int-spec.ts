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
    const crashedAtS = Date.now() / 1000;

    const second = await harness.start(prefix);
    // Right after the restart, the replay has restored when the model's last window was evaluated
    // (the stalled-windows alert reads it): a time before the crash, unless a partial the first
    // instance had not committed was redelivered and evaluated live meanwhile (then it counts).
    const scrape = async () => (await fetch(`${second.url}/metrics`)).text();
    const evaluatedAt = (text: string) => Number(new RegExp(`^mlops_drift_window_evaluated_timestamp_seconds\\{model="${model}"\\} (\\S+)$`, 'm').exec(text)?.[1]);
    await waitFor(async () => Number.isFinite(evaluatedAt(await scrape())), 'the restored evaluation time', { timeoutMs: 60_000, intervalMs: 250 });
    const text = await scrape();
    const liveWindows = [...text.matchAll(new RegExp(`^mlops_drift_windows_total\\{model="${model}",[^}]*\\} (\\d+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
    process.stderr.write(`after the restart: last evaluation ${(crashedAtS - evaluatedAt(text)).toFixed(1)} s before the crash, ${liveWindows} windows evaluated live since\n`);
    expect(evaluatedAt(text)).toBeLessThanOrEqual(liveWindows === 0 ? crashedAtS : Date.now() / 1000);
    expect(evaluatedAt(text)).toBeGreaterThan(crashedAtS - 120);
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
    // The streaming detector's state came back with the replay: its stream position continues
    // across the crash (a fresh detector would restart at 0) and its one signal is not repeated.
    expect(all.map((r) => r.detectors?.[0].position)).toEqual(all.map((_, i) => all.slice(0, i + 1).reduce((n, r) => n + r.samples.labeled, 0)));
    expect(all.filter((r) => r.detectors?.[0].drifted).map((r) => r.window.start)).toEqual([new Date(start + 50_000).toISOString()]);
    const requests = await harness.requests(t);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ reason: 'concept_drift', dataWindow: { from: new Date(start + 50_000).toISOString() } });
  });
});
