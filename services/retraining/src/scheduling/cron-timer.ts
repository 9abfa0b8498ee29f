import { nextFireTime, type CronExpression } from './cron-expression';

/** setTimeout's largest delay; longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface TimerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): NodeJS.Timeout;
  clearTimeout(timer: NodeJS.Timeout): void;
}

const SYSTEM_CLOCK: TimerClock = { now: () => Date.now(), setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (t) => clearTimeout(t) };

/**
 * Calls `onFire(fireTime)` at each time the cron expression names, one tick after another (the
 * next tick is armed after `onFire` settles, so ticks never overlap). Ticks that pass while the
 * process is down are not caught up. Delays beyond setTimeout's limit (about 24.8 days) are chained.
 */
export class CronTimer {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly cron: CronExpression,
    private readonly onFire: (fireTime: Date) => Promise<void>,
    private readonly clock: TimerClock = SYSTEM_CLOCK,
  ) {}

  /** Arms the first tick after now and returns its time. */
  start(): Date {
    const next = nextFireTime(this.cron, new Date(this.clock.now()));
    this.wait(next);
    return next;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) this.clock.clearTimeout(this.timer);
  }

  private wait(fireAt: Date): void {
    if (this.stopped) return;
    const delay = fireAt.getTime() - this.clock.now();
    if (delay > MAX_TIMER_MS) {
      this.timer = this.clock.setTimeout(() => this.wait(fireAt), MAX_TIMER_MS);
      return;
    }
    this.timer = this.clock.setTimeout(() => void this.fire(fireAt), Math.max(0, delay));
  }

  private async fire(fireAt: Date): Promise<void> {
    // onFire reports its own failures; a failed tick must not stop the schedule.
    await this.onFire(fireAt).catch(() => undefined);
    this.wait(nextFireTime(this.cron, fireAt));
  }
}
