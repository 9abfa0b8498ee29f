import { PageHinkley } from './page-hinkley.detector';

function firstDrift(detector: PageHinkley, values: number[]): number {
  return values.findIndex((x) => detector.update(x).driftDetected);
}

const step = (from: number, to: number) => Array.from({ length: 400 }, (_, i) => (i < 200 ? from : to));

describe('PageHinkley', () => {
  it('tracks the running mean of the values since the last reset', () => {
    const ph = new PageHinkley();
    [2, 4, 6].forEach((x) => ph.update(x));
    expect(ph.mean).toBe(4);
    expect(ph.observations).toBe(3);
  });

  it('detects increases and decreases in mode both (the default)', () => {
    expect(firstDrift(new PageHinkley(), step(0, 5))).toBeGreaterThan(199);
    expect(firstDrift(new PageHinkley(), step(5, 0))).toBeGreaterThan(199);
  });

  it('detects only the chosen direction in modes up and down', () => {
    expect(firstDrift(new PageHinkley({ mode: 'up' }), step(0, 5))).toBeGreaterThan(199);
    expect(firstDrift(new PageHinkley({ mode: 'up' }), step(5, 0))).toBe(-1);
    expect(firstDrift(new PageHinkley({ mode: 'down' }), step(5, 0))).toBeGreaterThan(199);
    expect(firstDrift(new PageHinkley({ mode: 'down' }), step(0, 5))).toBe(-1);
  });

  it('never fires before minInstances values', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i < 5 ? 0 : 1000));
    expect(firstDrift(new PageHinkley({ minInstances: 50 }), values)).toBe(49);
  });

  it('restarts its statistics at the update after a drift', () => {
    const ph = new PageHinkley();
    firstDrift(ph, step(0, 5));
    ph.update(7);
    expect([ph.observations, ph.mean, ph.driftDetected]).toEqual([1, 7, false]);
  });
});
