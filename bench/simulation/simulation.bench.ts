/**
 * `npm run bench:simulation` (node -r @swc-node/register bench/simulation/simulation.bench.ts):
 * how fast the simulator makes events, writes CSV and plays a scenario to a real broker
 * (unpaced, so the figure is the producer's ceiling, not the --rate). Not a test: it prints a
 * table and, as its last line, `RESULT {json}`. BENCH_EVENTS sets the size (default 200000);
 * BENCH_KAFKA=0 skips the broker part.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { topicName, Topic } from '@mlops/contracts';
import { createIdempotentProducer, createKafkaClient } from '@mlops/kafka';
import { createLogger } from '@mlops/observability';
import { createGenerator, ensureSimulationTopics, loadScenario, playToKafka, simulate, writeScenarioCsv, type Scenario } from '@mlops/simulation';
import { benchBroker, topicSize } from '../support/bench-broker';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
// Event time in the past: unpaced playback must not write events from the future.
const START = Date.now() - 24 * 3600 * 1000;

interface Row {
  case: string;
  /** Predictions, rows or messages, as the case says. */
  count: number;
  seconds: number;
  perSecond: number;
}

function timed(name: string, work: () => number): Row {
  const t0 = process.hrtime.bigint();
  const events = work();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { case: name, count: events, seconds, perSecond: Math.round(events / seconds) };
}

/** The same scenario with every phase stretched so the whole run has about EVENTS predictions. */
function stretched(scenario: Scenario): Scenario {
  const perPhase = Math.ceil(EVENTS / scenario.phases.length);
  return { ...scenario, phases: scenario.phases.map((phase) => ({ ...phase, events: perPhase })) };
}

function generate(scenario: Scenario): number {
  let n = 0;
  for (const record of simulate(scenario, { start: START, rate: 1000, limit: EVENTS })) if (record.kind === 'prediction') n++;
  return n;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const demo = stretched(loadScenario('demo'));
  const sea = stretched(loadScenario('sea-concepts'));
  generate(demo); // warm-up: JIT and module loading stay out of the figures
  rows.push(timed('generate demo (agrawal, labels, 3 phases)', () => generate(demo)));
  rows.push(timed('generate sea-concepts', () => generate(sea)));

  const dir = mkdtempSync(path.join(tmpdir(), 'bench-sim-'));
  const t0 = process.hrtime.bigint();
  const csv = await writeScenarioCsv(simulate(demo, { start: START, rate: 1000, limit: EVENTS }), createGenerator(demo.generator).features, path.join(dir, 'demo.csv'));
  const csvSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  rows.push({ case: 'write demo as CSV (rows)', count: csv.rows, seconds: csvSeconds, perSecond: Math.round(csv.rows / csvSeconds) });
  rmSync(dir, { recursive: true, force: true });

  if (process.env.BENCH_KAFKA !== '0') {
    const broker = await benchBroker();
    try {
      const logger = createLogger({ name: 'bench-simulation', level: 'error', destination: process.stderr });
      const kafka = createKafkaClient({ brokers: broker.brokers.split(','), clientId: 'bench-simulation', topicPrefix: '', connectionTimeoutMs: 3000, requestTimeoutMs: 30000 }, logger);
      for (const batchSize of [1, 100, 1000]) {
        const prefix = `bench.sim.${Date.now()}.b${batchSize}.`;
        const admin = kafka.admin();
        await admin.connect();
        await ensureSimulationTopics(admin, 'raw', prefix, logger);
        const producer = createIdempotentProducer(kafka);
        await producer.connect();
        // One message per send is an order of magnitude slower; a few thousand events tell the story.
        const events = batchSize === 1 ? Math.min(EVENTS, 5000) : EVENTS;
        const t1 = process.hrtime.bigint();
        const result = await playToKafka(simulate(demo, { start: START, rate: 1000, limit: events, runId: 'bench' }), { producer, target: 'raw', topicPrefix: prefix, batchSize });
        const seconds = Number(process.hrtime.bigint() - t1) / 1e9;
        const messages = result.predictions + result.labels;
        const held = (await topicSize(admin, topicName(Topic.PredictionsRaw, prefix))) + (await topicSize(admin, topicName(Topic.LabelsRaw, prefix)));
        if (held !== messages) throw new Error(`broker holds ${held} messages, playback counted ${messages}`);
        rows.push({ case: `produce to Kafka, ${batchSize} per send (messages)`, count: messages, seconds, perSecond: Math.round(messages / seconds) });
        await producer.disconnect();
        await admin.disconnect();
      }
      process.stdout.write(`broker: ${broker.source} at ${broker.brokers}\n`);
    } finally {
      await broker.stop();
    }
  }

  const width = Math.max(...rows.map((r) => r.case.length));
  process.stdout.write(`${'case'.padEnd(width)}  ${'count'.padStart(9)}  ${'seconds'.padStart(8)}  ${'per second'.padStart(11)}\n`);
  for (const r of rows) {
    process.stdout.write(`${r.case.padEnd(width)}  ${String(r.count).padStart(9)}  ${r.seconds.toFixed(2).padStart(8)}  ${String(r.perSecond).padStart(11)}\n`);
  }
  process.stdout.write(`RESULT ${JSON.stringify({ events: EVENTS, node: process.version, cases: rows })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:simulation failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
