import { DriftReport, Topic } from '@mlops/contracts';
import { loadScenario } from '@mlops/simulation';
import { uniqueName } from '@mlops/testing';
import { DriftHarness } from './support/drift-harness';
import { registerAgrawalBaseline } from './support/simulation-baseline';
import { ingestedStream } from './support/stream-records';

// Scale-out: the same stream on two sets of 4-partition topics, one watched by a single
// instance, the other by two instances in one group (the second joining mid-stream, so
// partitions move and their open windows are rebuilt on the new owner). Partial window profiles
// merge in partition order, so both must publish the same reports, bit for bit, and the same
// retrain request.
jest.setTimeout(300_000);

/** What must be equal between deployments: everything but the generation time. */
const comparable = (r: DriftReport) => ({ ...r, generatedAt: undefined });

describe('drift-computation scaled out', () => {
  const harness = new DriftHarness();

  beforeAll(() => harness.open());
  afterAll(() => harness.close());

  it('two instances on a 4-partition topic publish exactly what one instance publishes', async () => {
    const model = 'loan-scale';
    const version = await registerAgrawalBaseline(harness.registry(), model);
    const one = await harness.topics(4);
    const two = await harness.topics(4);
    await harness.deploy(one.t, version);
    await harness.deploy(two.t, version);
    const start = Date.UTC(2026, 10, 1, 10);
    const stream = ingestedStream(loadScenario('demo'), { start, rate: 300, seed: 24, runId: uniqueName('scale'), model });

    await harness.start(one.prefix);
    await harness.start(two.prefix);
    const half = Math.floor(stream.ordered.length * 0.4);
    const paced = async (from: number, to: number) => {
      for (let i = from; i < to; i += 400) {
        await Promise.all([harness.produce(one.t, stream, { from: i, to: Math.min(i + 400, to) }), harness.produce(two.t, stream, { from: i, to: Math.min(i + 400, to) })]);
        await new Promise((r) => setTimeout(r, 60));
      }
    };
    await paced(0, half);
    // The second instance joins the group mid-stream, while events keep coming: partitions move
    // while windows are open, and the joiner catches up on what the first did meanwhile.
    const joining = harness.start(two.prefix);
    await paced(half, stream.ordered.length);
    const joiner = await joining;

    // demo: 30 000 events at 300/s = 100 s → windows 0–8 close.
    const single = await harness.waitForReports(one.t, 9, 180_000);
    const scaled = await harness.waitForReports(two.t, 9, 180_000);
    expect(single.length).toBe(9);
    expect(scaled.map(comparable)).toEqual(single.map(comparable));
    expect(new Set(single.map((r) => r.driftType))).toEqual(new Set(['none', 'concept', 'data_and_concept']));

    const requests = { single: await harness.requests(one.t), scaled: await harness.requests(two.t) };
    expect(requests.single.length).toBeGreaterThanOrEqual(1);
    expect(requests.scaled.map((r) => ({ ...r, requestedAt: undefined }))).toEqual(requests.single.map((r) => ({ ...r, requestedAt: undefined })));
    expect(await harness.count(two.t(Topic.DeadLetter))).toBe(0);
    // The joiner rebuilt the open windows of the partitions it took over.
    const rebuilds = [...(await (await fetch(`${joiner.url}/metrics`)).text()).matchAll(/^mlops_drift_state_rebuilds_total\{stage="(\w+)",trigger="(\w+)"\} (\d+)/gm)].map((m) => `${m[1]}/${m[2]}: ${m[3]}`);
    process.stderr.write(`state rebuilds on the joining instance: ${rebuilds.join(', ')}\n`);
    expect(rebuilds.some((r) => r.startsWith('source/'))).toBe(true);
  });
});
