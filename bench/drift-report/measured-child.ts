/**
 * One measured contender of the drift-report benchmark, run in its own process so its peak memory
 * is its own: `mlops <args…>` runs the CLI in-process, `naive <reference> <current>` the baseline.
 * Prints `CHILD {json}` (work time, CPU time, peak RSS, and the baseline's per-column results) as its last line.
 */
import { Writable } from 'node:stream';
import { runCli } from '../../cli/src/run-cli';
import { naiveDrift } from './naive-baseline';

const discard = new Writable({ write: (_chunk, _encoding, done) => done() });

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  const started = performance.now();
  let code = 0;
  let columns: unknown = null;
  if (mode === 'mlops') {
    code = await runCli(args, { stdout: discard, stderr: process.stderr });
  } else if (mode === 'naive') {
    columns = await naiveDrift(args[0], args[1]);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stdout.write(`CHILD ${JSON.stringify({ code, seconds, cpuSeconds, peakRssMb: usage.maxRSS / 1024, columns })}\n`);
}

void main();
