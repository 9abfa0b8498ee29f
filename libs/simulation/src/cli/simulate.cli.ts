/**
 * `simulate`: plays a drift scenario to Kafka or writes it as CSV.
 *
 *   node -r @swc-node/register libs/simulation/src/cli/simulate.cli.ts \
 *     --scenario demo --rate 200 --brokers 127.0.0.1:9092
 *
 * Exit codes: 0 done, 1 Kafka or I/O failure, 2 bad flags or scenario, 130 interrupted.
 */
import { randomBytes } from 'node:crypto';
import { systemPlaybackClock } from '../kafka/playback-clock';
import { runSimulate } from './run-simulate';

async function main(): Promise<void> {
  const stop = new AbortController();
  // The first Ctrl-C stops playback cleanly (the batch in hand is sent and counted); a second one kills.
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  process.exitCode = await runSimulate(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    clock: systemPlaybackClock,
    signal: stop.signal,
    newRunId: () => `r${randomBytes(4).toString('hex')}`,
  });
}

void main();
