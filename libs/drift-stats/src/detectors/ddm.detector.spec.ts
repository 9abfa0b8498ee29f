import { Ddm } from './ddm.detector';

function run(ddm: Ddm, values: number[]): { warning: number; drift: number } {
  let warning = -1;
  let drift = -1;
  values.forEach((x, i) => {
    ddm.update(x);
    if (warning < 0 && ddm.warningDetected) warning = i;
    if (drift < 0 && ddm.driftDetected) drift = i;
  });
  return { warning, drift };
}

// One error in ten, then one error in two from index 1000.
const rising = Array.from({ length: 2000 }, (_, i) => (i < 1000 ? (i % 10 === 0 ? 1 : 0) : i % 2));

describe('Ddm', () => {
  it('enters the warning zone before it signals a drift', () => {
    const { warning, drift } = run(new Ddm(), rising);
    expect(warning).toBeGreaterThanOrEqual(1000);
    expect(drift).toBeGreaterThan(warning);
  });

  it('clears the warning when it signals a drift', () => {
    const ddm = new Ddm();
    rising.find((x) => ddm.update(x).driftDetected);
    expect(ddm.warningDetected).toBe(false);
  });

  it('stays silent during the warm start', () => {
    const ddm = new Ddm({ warmStart: 50 });
    const values = Array.from({ length: 50 }, (_, i) => (i < 10 ? 0 : 1));
    expect(run(ddm, values)).toEqual({ warning: -1, drift: -1 });
    expect(ddm.observations).toBe(50);
  });

  it('tracks the error rate', () => {
    const ddm = new Ddm();
    [1, 0, 0, 1].forEach((x) => ddm.update(x));
    expect(ddm.rate).toBe(0.5);
  });

  it('skips values outside [0, 1]', () => {
    const ddm = new Ddm();
    ddm.update(2).update(-1).update(0.5);
    expect(ddm.skippedCount).toBe(2);
    expect(ddm.observations).toBe(1);
  });

  it('accepts equal warning and drift thresholds', () => {
    expect(() => new Ddm({ warningThreshold: 2.5, driftThreshold: 2.5 })).not.toThrow();
  });
});
