import { readFileSync } from 'node:fs';
import type { Admin } from 'kafkajs';
import { topicSize } from '../support/bench-broker';

export interface Growth {
  /** Events per second from the first output seen to the last. */
  rate: number;
  /** CPU time the measured process spent per event over the same span, in microseconds. */
  cpuMicrosPerEvent: number;
}

/**
 * Waits until `topic` holds `count` messages, like watchGrowth, and also samples `cpuMicros` when
 * the first output appears and when the last does. On a shared machine the rate measures the
 * neighbours as much as the code; CPU time per event does not, so both are reported.
 */
export async function measureGrowth(admin: Admin, topic: string, count: number, timeoutMs: number, cpuMicros: () => number): Promise<Growth> {
  const deadline = Date.now() + timeoutMs;
  let first: { ms: number; cpu: number } | undefined;
  for (;;) {
    const size = await topicSize(admin, topic);
    if (size > 0 && !first) first = { ms: Date.now(), cpu: cpuMicros() };
    if (first && size >= count) {
      return { rate: count / ((Date.now() - first.ms) / 1000), cpuMicrosPerEvent: (cpuMicros() - first.cpu) / count };
    }
    if (Date.now() > deadline) throw new Error(`${topic} reached ${size} of ${count} messages in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** CPU time (user + system, all threads) of this process, in microseconds. */
export function ownCpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK)

/** CPU time of another process from /proc (Linux), in microseconds; 10 ms resolution. */
export function processCpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name, which may itself contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat(5))
  return (ticks * 1_000_000) / CLOCK_TICKS_PER_SECOND;
}
