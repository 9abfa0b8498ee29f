/**
 * In-process micro-benchmark of ingestion's per-event work, without Kafka: the time
 * `processPredictionChunk` takes per prediction event (decode, validate, normalise the event time,
 * dedupe, join bookkeeping, serialise, CloudEvents headers), in chunks of 500 like the service,
 * against the floor of JSON.parse + JSON.stringify of the same bytes. The events are those of
 * `bench:ingestion`. Not a test: it prints a table and a final `RESULT {json}` line.
 *
 *   node -r @swc-node/register bench/ingestion/process-chunk.bench.ts
 *
 * BENCH_EVENTS (default 100 000) sets the events per round, BENCH_ROUNDS (default 5) the timed
 * rounds (the best and the median CPU time per event are reported, after one untimed warm-up
 * round).
 * BENCH_PROCESSOR names another module exporting `processPredictionChunk` and `IngestionState`
 * (e.g. a copy of an older tree) so two versions can be compared on the same machine.
 */
import path from 'node:path';
import type { ConsumedMessage } from '@mlops/kafka';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CHUNK = 500;

interface Processor {
  processPredictionChunk: typeof import('../../services/ingestion/src/handlers/predictions-raw.processor').processPredictionChunk;
  IngestionState: typeof import('../../services/ingestion/src/state/ingestion-state').IngestionState;
}

function loadProcessor(): { processor: Processor; source: string } {
  const other = process.env.BENCH_PROCESSOR;
  if (other) return { processor: require(path.resolve(other)) as Processor, source: other };
  return {
    processor: {
      ...require('../../services/ingestion/src/handlers/predictions-raw.processor'),
      ...require('../../services/ingestion/src/state/ingestion-state'),
    } as Processor,
    source: 'services/ingestion/src',
  };
}

/** The same event shape as bench:ingestion (9 features, label + score, an entity). */
function eventBytes(i: number, timestamp: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 1,
      eventId: `evt-${i}`,
      model: 'loan',
      timestamp,
      entityId: `customer-${i % 5000}`,
      features: { salary: 20_000 + (i % 130_000), commission: i % 75_000, age: 20 + (i % 60), elevel: i % 5, car: `car-${i % 20}`, zipcode: `z${i % 9}`, hvalue: 50_000 + i, hyears: 1 + (i % 30), loan: i % 500_000 },
      prediction: { label: i % 3 === 0 ? 'approve' : 'reject', score: (i % 100) / 100 },
    }),
  );
}

function chunksOf(now: Date, round: number): ConsumedMessage[][] {
  const timestamp = new Date(now.getTime() - 60_000).toISOString();
  const chunks: ConsumedMessage[][] = [];
  for (let start = 0; start < EVENTS; start += CHUNK) {
    const chunk: ConsumedMessage[] = [];
    for (let i = start; i < Math.min(EVENTS, start + CHUNK); i++) {
      // Distinct ids per round, so every round does the full work (no duplicates).
      const value = eventBytes(round * EVENTS + i, timestamp);
      chunk.push({ topic: 'predictions.raw', partition: 0, offset: String(i), key: null, value, headers: {}, timestamp: String(now.getTime()) });
    }
    chunks.push(chunk);
  }
  return chunks;
}

function timeProcessor(processor: Processor, round: number): number {
  const now = new Date();
  const chunks = chunksOf(now, round);
  const state = new processor.IngestionState({ dedupeHorizonMs: 24 * 3600_000, joinTtlMs: 7 * 24 * 3600_000, maxPending: 200_000 });
  let accepted = 0;
  const started = cpuMicros();
  for (const chunk of chunks) accepted += processor.processPredictionChunk(chunk, state, now).counts.accepted;
  const elapsed = cpuMicros() - started;
  if (accepted !== EVENTS) throw new Error(`expected ${EVENTS} accepted events, got ${accepted}`);
  return elapsed / EVENTS;
}

function timeFloor(round: number): number {
  const chunks = chunksOf(new Date(), round);
  let bytes = 0;
  const started = cpuMicros();
  for (const chunk of chunks) {
    for (const message of chunk) bytes += JSON.stringify(JSON.parse((message.value as Buffer).toString('utf8'))).length;
  }
  const elapsed = cpuMicros() - started;
  if (bytes === 0) throw new Error('nothing serialised');
  return elapsed / EVENTS;
}

/**
 * CPU time of this process (all its threads, so concurrent GC work counts), not wall time: the
 * machine these run on is shared, and wall time there measures the neighbours as much as us.
 */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main(): void {
  const { processor, source } = loadProcessor();
  timeProcessor(processor, 0);
  timeFloor(0);
  const work: number[] = [];
  const floor: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    work.push(timeProcessor(processor, round));
    floor.push(timeFloor(round));
  }
  const row = (name: string, xs: number[]) => `| ${name} | ${Math.min(...xs).toFixed(2)} | ${median(xs).toFixed(2)} |`;
  console.log(`\nprocessPredictionChunk micro-benchmark: ${EVENTS} events × ${ROUNDS} rounds, chunks of ${CHUNK}, processor: ${source}`);
  console.log('| path | best CPU µs/event | median CPU µs/event |');
  console.log('| --- | ---: | ---: |');
  console.log(row('JSON.parse + JSON.stringify (floor)', floor));
  console.log(row('processPredictionChunk', work));
  console.log(`RESULT ${JSON.stringify({ events: EVENTS, rounds: ROUNDS, source, floorMicrosPerEvent: Number(median(floor).toFixed(3)), processMicrosPerEvent: Number(median(work).toFixed(3)), processBestMicrosPerEvent: Number(Math.min(...work).toFixed(3)) })}`);
}

main();
