import { mapConcurrent } from './map-concurrent';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('mapConcurrent', () => {
  it('keeps the input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapConcurrent([5, 1, 4, 2, 3, 0, 6], 3, async (x, i) => {
      running++;
      peak = Math.max(peak, running);
      for (let t = 0; t < x; t++) await tick();
      running--;
      return `${i}:${x}`;
    });
    expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
    expect(peak).toBe(3);
  });

  it('rejects with the first error and starts no further item', async () => {
    const started: number[] = [];
    const run = mapConcurrent([0, 1, 2, 3, 4], 1, async (x) => {
      started.push(x);
      if (x === 1) throw new Error('boom');
      return x;
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
  });

  it('handles an empty list and refuses a limit below one', async () => {
    expect(await mapConcurrent([], 4, async (x) => x)).toEqual([]);
    await expect(mapConcurrent([1], 0, async (x) => x)).rejects.toThrow('limit must be at least 1, got 0');
  });
});
