import { IntervalCommitter } from './interval-committer';

describe('IntervalCommitter', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const deferred = () => {
    let resolve!: () => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  };

  it('coalesces every offset resolved within the interval into one commit', async () => {
    const commit = jest.fn().mockResolvedValue(undefined);
    const committer = new IntervalCommitter({ intervalMs: 100, commit, onError: jest.fn() });
    for (let i = 0; i < 50; i++) committer.schedule();
    await jest.advanceTimersByTimeAsync(99);
    expect(commit).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(commit).toHaveBeenCalledTimes(1);
    committer.schedule();
    await jest.advanceTimersByTimeAsync(100);
    expect(commit).toHaveBeenCalledTimes(2);
  });

  it('flushes at once, cancelling the timer, and never runs two commits at the same time', async () => {
    const first = deferred();
    const commit = jest.fn().mockReturnValueOnce(first.promise).mockResolvedValue(undefined);
    const committer = new IntervalCommitter({ intervalMs: 100, commit, onError: jest.fn() });
    committer.schedule();
    const a = committer.flush();
    const b = committer.flush();
    await jest.advanceTimersByTimeAsync(0);
    expect(commit).toHaveBeenCalledTimes(1);
    first.resolve();
    await Promise.all([a, b]);
    expect(commit).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(500);
    expect(commit).toHaveBeenCalledTimes(2);
  });

  it('reports a failed timed commit and tries again one interval later', async () => {
    const commit = jest.fn().mockRejectedValueOnce(new Error('REBALANCE_IN_PROGRESS')).mockResolvedValue(undefined);
    const onError = jest.fn();
    const committer = new IntervalCommitter({ intervalMs: 100, commit, onError });
    committer.schedule();
    await jest.advanceTimersByTimeAsync(100);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'REBALANCE_IN_PROGRESS' }));
    await jest.advanceTimersByTimeAsync(100);
    expect(commit).toHaveBeenCalledTimes(2);
  });

  it('passes a failed flush to its caller, and the next commit still runs', async () => {
    const commit = jest.fn().mockRejectedValueOnce(new Error('coordinator gone')).mockResolvedValue(undefined);
    const committer = new IntervalCommitter({ intervalMs: 100, commit, onError: jest.fn() });
    await expect(committer.flush()).rejects.toThrow('coordinator gone');
    await expect(committer.flush()).resolves.toBeUndefined();
  });

  it('schedules nothing once closed, while flush still commits', async () => {
    const commit = jest.fn().mockResolvedValue(undefined);
    const committer = new IntervalCommitter({ intervalMs: 100, commit, onError: jest.fn() });
    committer.schedule();
    committer.close();
    committer.schedule();
    await jest.advanceTimersByTimeAsync(1000);
    expect(commit).not.toHaveBeenCalled();
    await committer.flush();
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it('rejects an interval that is not a positive number', () => {
    for (const intervalMs of [0, -5, Number.NaN]) {
      expect(() => new IntervalCommitter({ intervalMs, commit: jest.fn(), onError: jest.fn() })).toThrow(/positive number of ms/);
    }
  });
});
