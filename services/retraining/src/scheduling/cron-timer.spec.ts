import { parseCron } from './cron-expression';
import { CronTimer } from './cron-timer';

describe('CronTimer', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-01-07T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('fires at each tick of the expression, in order, until stopped', async () => {
    const fired: string[] = [];
    const timer = new CronTimer(parseCron('@daily'), async (at) => void fired.push(at.toISOString()));
    expect(timer.start().toISOString()).toBe('2026-01-08T00:00:00.000Z');
    await jest.advanceTimersByTimeAsync(14 * 3_600_000 - 1);
    expect(fired).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    await jest.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(fired).toEqual(['2026-01-08T00:00:00.000Z', '2026-01-09T00:00:00.000Z']);
    timer.stop();
    await jest.advanceTimersByTimeAsync(3 * 24 * 3_600_000);
    expect(fired).toHaveLength(2);
  });

  it('keeps firing after a failed tick, and chains waits longer than setTimeout allows', async () => {
    const fired: string[] = [];
    const timer = new CronTimer(parseCron('0 0 1 3 *'), async (at) => {
      fired.push(at.toISOString());
      throw new Error('broker down');
    });
    timer.start();
    await jest.advanceTimersByTimeAsync(60 * 24 * 3_600_000);
    expect(fired).toEqual(['2026-03-01T00:00:00.000Z']);
    await jest.advanceTimersByTimeAsync(366 * 24 * 3_600_000);
    expect(fired).toEqual(['2026-03-01T00:00:00.000Z', '2027-03-01T00:00:00.000Z']);
    timer.stop();
  });
});
