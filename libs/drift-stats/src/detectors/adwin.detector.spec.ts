import { Adwin } from './adwin.detector';

describe('Adwin', () => {
  it('keeps the window sum, mean and population variance', () => {
    const adwin = new Adwin();
    [1, 2, 3, 4, 5].forEach((x) => adwin.update(x));
    expect(adwin.width).toBe(5);
    expect(adwin.total).toBe(15);
    expect(adwin.estimation).toBe(3);
    expect(adwin.variance).toBeCloseTo(2, 12);
  });

  it('reports an empty window as zeros', () => {
    const adwin = new Adwin();
    expect([adwin.width, adwin.total, adwin.estimation, adwin.variance]).toEqual([0, 0, 0, 0]);
  });

  it('keeps O(log n) summaries: the window still holds every value of a long stable stream', () => {
    const adwin = new Adwin();
    for (let i = 0; i < 100_000; i++) adwin.update(i % 2);
    expect(adwin.width).toBe(100_000);
    expect(adwin.estimation).toBeCloseTo(0.5, 12);
  });

  it('checks only every `clock` values, after the grace period', () => {
    const detections = (clock: number) => {
      const adwin = new Adwin({ clock });
      const at: number[] = [];
      for (let i = 0; i < 400; i++) if (adwin.update(i < 200 ? 0 : 10).driftDetected) at.push(i);
      return at;
    };
    expect(detections(1)[0]).toBeLessThan(detections(32)[0]);
    expect((detections(32)[0] + 1) % 32).toBe(0);
  });

  it('shrinks the window at a detection and clears it at the next update (as River)', () => {
    const adwin = new Adwin({ clock: 1 });
    let i = 0;
    while (!adwin.update(i++ < 300 ? 0 : 5).driftDetected);
    expect(adwin.width).toBeLessThan(i);
    adwin.update(5);
    expect(adwin.width).toBe(1);
    expect(adwin.driftDetected).toBe(false);
  });
});
