import path from 'node:path';
import { loadScenario } from '@mlops/simulation';
import { uniqueName, waitFor } from '@mlops/testing';
import { ChaosPipeline, logger } from './support/chaos-pipeline';
import { closeWindows } from './support/close-windows';
import { missing, repeated, repeatedReports, windowDiscrepancies } from './support/exactly-once';
import { SERVICES } from './support/pipeline-fleet';
import { readPipeline } from './support/pipeline-snapshot';
import { watchReadiness } from './support/readiness-watch';
import { startRequestStream, type RequestStream } from './support/request-stream';
import { windowStartOf } from './support/window-settings';

// The broker goes away mid-stream and comes back on the same address with the same data (a
// rolling restart of a one-node cluster). Nobody restarts the services: each must notice (ready
// turns false), reconnect by itself (ready turns true), and carry on without losing anything
// the broker had accepted. The spec runs its own broker: it must not stop the shared one.
const local = require('../../tools/kafka/local-kafka.js') as {
  startLocalKafka(): Promise<{ brokers: string; halt(options?: { signal?: 'SIGTERM' | 'SIGKILL' }): Promise<void>; resume(): Promise<void>; stop(): Promise<void> }>;
};
const scenario = loadScenario(path.join(__dirname, 'scenarios', 'stable.yaml'));
const RATE = 150;
const WINDOW_EVENTS = 750; // one 5 s window at RATE
const OUTAGE_MS = 8000;

describe('a Kafka broker restart mid-stream', () => {
  let broker: Awaited<ReturnType<typeof local.startLocalKafka>>;
  let pipeline: ChaosPipeline;
  let stream: RequestStream | undefined;
  let passed = false;

  beforeAll(async () => {
    broker = await local.startLocalKafka();
    pipeline = await ChaosPipeline.open({ brokers: broker.brokers, scenario, name: 'chaos-broker' });
  });

  afterAll(async () => {
    await stream?.stop();
    await pipeline?.close(!passed);
    await broker?.stop();
  });

  it('every service goes unready, reconnects by itself, and nothing accepted is lost', async () => {
    const { fleet, kafka, t, producer, prefix } = pipeline;
    const runId = uniqueName('broker').replace(/\./g, '-');
    stream = startRequestStream({ producer, scenario, prefix, rate: RATE, runId });
    await waitFor(() => stream!.sent() >= 2 * WINDOW_EVENTS, 'two windows of requests before the outage', { timeoutMs: 60_000, intervalMs: 200 });

    const readiness = watchReadiness(fleet);
    const haltedAt = Date.now();
    await broker.halt();
    await waitFor(async () => (await Promise.all(SERVICES.map((s) => fleet.ready(s)))).every((ready) => !ready), 'every service to report not ready', { timeoutMs: 60_000, intervalMs: 250 });
    const allUnreadyMs = Date.now() - haltedAt;
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - haltedAt))));
    const resumedAt = Date.now();
    await broker.resume();
    await Promise.all(SERVICES.map((s) => fleet.waitReady(s, 120_000)));
    const allReadyMs = Date.now() - resumedAt;
    await readiness.stop();

    // The stream catches up with what it could not send during the outage and goes on a while.
    const sentAfterOutage = stream.sent();
    await waitFor(() => stream!.sent() >= sentAfterOutage + 2 * WINDOW_EVENTS, 'two windows of requests after the outage', { timeoutMs: 90_000, intervalMs: 200 });
    await stream.stop();
    const closedBefore = windowStartOf(await closeWindows({ producer, scenario, prefix, ledger: stream.ledger, runId: `${runId}-tail` }));
    const reports = await pipeline.reportsCovering(stream.ledger, closedBefore);
    const snapshot = await readPipeline(kafka, t, logger);
    process.stdout.write(
      `[chaos] broker down ${(resumedAt - haltedAt) / 1000} s; every service unready ${(allUnreadyMs / 1000).toFixed(1)} s after the halt, ready again ${(allReadyMs / 1000).toFixed(1)} s after the restart began; ` +
        `readiness seen: ${JSON.stringify(readiness.all())}; ${stream.ledger.predictions.size} predictions accepted, ${stream.resends()} produce requests resent, ${reports.length} reports\n`,
    );

    // Each service went from ready to not ready and back, in the same process (no restarts).
    for (const service of SERVICES) {
      const seen = readiness.history(service);
      expect({ service, first: seen[0], wentUnready: seen.includes(false), last: seen[seen.length - 1] }).toEqual({ service, first: true, wentUnready: true, last: true });
    }
    expect(fleet.crashed()).toEqual([]);

    // Nothing accepted is lost, nothing is counted twice.
    expect(windowDiscrepancies(stream.ledger.perWindow(windowStartOf, closedBefore), reports, closedBefore)).toEqual([]);
    expect(repeatedReports(reports)).toEqual({});
    expect(repeated(snapshot.predictions)).toEqual({});
    expect(missing(stream.ledger.predictions.keys(), snapshot.predictions)).toEqual([]);
    const labeledBefore = [...stream.ledger.labels].filter((id) => stream!.ledger.predictions.get(id)! < closedBefore);
    expect(repeated(snapshot.labeled)).toEqual({});
    expect(missing(labeledBefore, snapshot.labeled)).toEqual([]);
    // A stable stream: no retrain, no new version; nothing dead-lettered.
    expect(snapshot.requests).toHaveLength(0);
    expect(snapshot.deployed.map((d) => d.version)).toEqual([pipeline.firstVersion]);
    expect(snapshot.deadLetters).toHaveLength(0);
    passed = true;
  });
});
