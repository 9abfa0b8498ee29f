/**
 * The naive contender of the drift-report benchmark, run in its own process so its peak memory is
 * its own: `naive-child.ts <reference> <current>`. Prints `CHILD {json}` (work time, CPU time, peak
 * RSS and its per-column results) as its last line. (The mlops contender is the real binary, run
 * through measure-process.js.)
 */
import { naiveDrift } from './naive-baseline';

async function main(): Promise<void> {
  const [reference, current] = process.argv.slice(2);
  const started = performance.now();
  const columns = await naiveDrift(reference, current);
  const seconds = (performance.now() - started) / 1000;
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stdout.write(`CHILD ${JSON.stringify({ seconds, cpuSeconds, peakRssMb: usage.maxRSS / 1024, columns })}\n`);
}

void main();
