import { backoffDelay, sleep } from './backoff';

describe('backoffDelay', () => {
  const policy = { initialMs: 100, maxMs: 1000, factor: 2 };

  it('doubles from the initial delay and caps at the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('rejects attempt numbers that are not positive integers', () => {
    expect(() => backoffDelay(0, policy)).toThrow(RangeError);
    expect(() => backoffDelay(1.5, policy)).toThrow(RangeError);
  });
});

describe('sleep', () => {
  it('resolves false at once when aborted', async () => {
    const controller = new AbortController();
    const pending = sleep(60000, controller.signal);
    controller.abort();
    await expect(pending).resolves.toBe(false);
  });

  it('resolves true after the delay', async () => {
    await expect(sleep(5)).resolves.toBe(true);
  });
});
