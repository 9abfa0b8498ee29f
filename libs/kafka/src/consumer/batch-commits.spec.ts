import { createLogger } from '@mlops/observability';
import type { EachBatchPayload } from 'kafkajs';
import { BatchCommits } from './batch-commits';

const logger = createLogger({ name: 'batch-commits-spec', level: 'silent' });

/** The part of a kafkajs batch payload BatchCommits uses, recording what it is asked to do. */
function fakePayload() {
  const resolved: string[] = [];
  const commits: unknown[] = [];
  const uncommitted = { topics: [{ topic: 't', partitions: [{ partition: 0, offset: '42' }] }] };
  const payload = {
    resolveOffset: (offset: string) => void resolved.push(offset),
    heartbeat: jest.fn().mockResolvedValue(undefined),
    uncommittedOffsets: () => uncommitted,
    commitOffsetsIfNecessary: async (offsets?: unknown) => void commits.push(offsets),
  };
  return { payload: payload as unknown as EachBatchPayload, heartbeat: payload.heartbeat, resolved, commits, uncommitted };
}

describe('BatchCommits', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('leaves committing to kafkajs autoCommit at interval 0', async () => {
    const commits = new BatchCommits(0, logger, 'consumer g');
    commits.startRun();
    const { payload, resolved, commits: made } = fakePayload();
    commits.ofBatch(payload).resolveOffset('7');
    await commits.commitNow('stop');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(commits.autoCommit).toBe(true);
    expect(resolved).toEqual(['7']);
    expect(made).toEqual([]);
  });

  it('commits the resolved offsets one interval after they were resolved, off the batch path', async () => {
    const commits = new BatchCommits(500, logger, 'consumer g');
    commits.startRun();
    const { payload, resolved, commits: made, uncommitted } = fakePayload();
    const batch = commits.ofBatch(payload);
    batch.resolveOffset('1');
    batch.resolveOffset('2');
    expect(commits.autoCommit).toBe(false);
    expect(resolved).toEqual(['1', '2']);
    expect(made).toEqual([]);
    await jest.advanceTimersByTimeAsync(500);
    expect(made).toEqual([uncommitted]);
  });

  it('commits before letting a rebalance error through the heartbeat', async () => {
    const commits = new BatchCommits(60_000, logger, 'consumer g');
    commits.startRun();
    const { payload, heartbeat, commits: made } = fakePayload();
    heartbeat.mockRejectedValueOnce(new Error('The group is rebalancing, so a rejoin is needed'));
    const batch = commits.ofBatch(payload);
    batch.resolveOffset('3');
    await expect(batch.heartbeat()).rejects.toThrow(/rebalancing/);
    expect(made).toHaveLength(1);
  });

  it('commits nothing for a crashed run or after close', async () => {
    const commits = new BatchCommits(100, logger, 'consumer g');
    commits.startRun();
    const { payload, commits: made } = fakePayload();
    commits.ofBatch(payload).resolveOffset('4');
    commits.forgetRun();
    await jest.advanceTimersByTimeAsync(100);
    await commits.commitNow('stop');
    expect(made).toEqual([]);
    commits.startRun();
    commits.ofBatch(payload).resolveOffset('5');
    commits.close();
    await jest.advanceTimersByTimeAsync(1000);
    await commits.commitNow('stop');
    expect(made).toEqual([]);
  });

  it('rejects a negative interval, naming its owner', () => {
    expect(() => new BatchCommits(-1, logger, 'consumer g')).toThrow('consumer g: commitIntervalMs must be 0 or a positive number of ms');
  });
});
