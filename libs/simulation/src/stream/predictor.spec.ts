import { predictions, run, scenario } from '../__test-support__/scenario-builder';
import { proportionTolerance, share } from '../__test-support__/statistics';
import type { PredictionRecord } from './simulation-record';

const drift = (prediction: object) =>
  scenario({
    prediction,
    phases: [
      { name: 'before', events: 5000, concept: 2 },
      { name: 'after', events: 5000, concept: 6 },
    ],
  });

const accuracy = (ps: PredictionRecord[]) => share(ps, (p) => p.event.prediction === p.truth.label);
const phase = (ps: PredictionRecord[], name: string) => ps.filter((p) => p.phase === name);

describe('the stand-in predictor', () => {
  it('by default is a model of the first phase: right until the concept drifts, then as right as the concepts agree', () => {
    const ps = predictions(run(drift({}), { seed: 8 }));
    expect(accuracy(phase(ps, 'before'))).toBe(1);
    expect(accuracy(phase(ps, 'after'))).toBeCloseTo(0.71, 1);
  });

  it('as an oracle of the current concept stays right through the drift', () => {
    const ps = predictions(run(drift({ concept: 'current' }), { seed: 8 }));
    expect(accuracy(ps)).toBe(1);
  });

  it('gets the error rate wrong on purpose', () => {
    const ps = predictions(run(drift({ concept: 'current', errorRate: 0.2 }), { seed: 8 }));
    expect(Math.abs(accuracy(ps) - 0.8)).toBeLessThan(proportionTolerance(0.2, ps.length));
  });

  it('draws its errors from a stream of its own, so the data is the same with or without them', () => {
    const clean = predictions(run(drift({}), { seed: 8 }));
    const noisy = predictions(run(drift({ errorRate: 0.3 }), { seed: 8 }));
    expect(noisy.map((p) => p.truth)).toEqual(clean.map((p) => p.truth));
  });
});
