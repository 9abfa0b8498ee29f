import { LOG_BATCH_LIMITS, toLogBatches } from './log-batches';

const kv = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: String(i) }));
const metrics = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `m${i}`, value: i, timestamp: 1, step: 0 }));

describe('toLogBatches', () => {
  it('sends a small run in one request', () => {
    const batches = toLogBatches(metrics(3), kv(2), kv(1));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual({ metrics: metrics(3), params: kv(2), tags: kv(1) });
  });

  it('sends nothing when there is nothing to log', () => {
    expect(toLogBatches([], [], [])).toEqual([]);
  });

  it('splits to stay within MLflow limits, losing nothing', () => {
    const batches = toLogBatches(metrics(2500), kv(250), kv(101));
    for (const b of batches) {
      expect(b.params.length).toBeLessThanOrEqual(LOG_BATCH_LIMITS.params);
      expect(b.tags.length).toBeLessThanOrEqual(LOG_BATCH_LIMITS.tags);
      expect(b.metrics.length + b.params.length + b.tags.length).toBeLessThanOrEqual(LOG_BATCH_LIMITS.entities);
    }
    expect(batches.flatMap((b) => b.metrics)).toEqual(metrics(2500));
    expect(batches.flatMap((b) => b.params)).toEqual(kv(250));
    expect(batches.flatMap((b) => b.tags)).toEqual(kv(101));
  });
});
