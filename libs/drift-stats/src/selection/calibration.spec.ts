import { InvalidParameterError } from '../errors';
import { ReferenceProfile } from '../profile/reference-profile';
import { Mulberry32 } from '../random';
import { getStatTest } from '../stat-tests/registry';
import { calibrateThreshold } from './calibration';

function normals(n: number, seed: number, loc = 0): number[] {
  const rng = new Mulberry32(seed);
  return Array.from({ length: n }, () => {
    let s = 0;
    for (let j = 0; j < 12; j++) s += rng.next();
    return loc + s - 6;
  });
}

describe('calibrateThreshold', () => {
  const reference = ReferenceProfile.fromColumns(
    { x: normals(20_000, 1), c: normals(20_000, 2).map((v) => (v < -0.5 ? 'lo' : v < 0.5 ? 'mid' : 'hi')) },
    [
      { name: 'x', type: 'numerical' },
      { name: 'c', type: 'categorical' },
    ],
    { seed: 4 },
  );

  it('is deterministic for a seed', () => {
    const options = { method: 'wasserstein-normed' as const, windowSize: 500, iterations: 50, seed: 9 };
    expect(calibrateThreshold(reference.feature('x'), options)).toEqual(calibrateThreshold(reference.feature('x'), options));
    expect(calibrateThreshold(reference.feature('x'), { ...options, seed: 10 }).threshold).not.toBe(
      calibrateThreshold(reference.feature('x'), options).threshold,
    );
  });

  it('shrinks with the window size, as the null distribution of the score does', () => {
    const small = calibrateThreshold(reference.feature('x'), { method: 'ks', windowSize: 100, iterations: 100, seed: 1 });
    const large = calibrateThreshold(reference.feature('x'), { method: 'ks', windowSize: 1600, iterations: 100, seed: 1 });
    expect(large.threshold).toBeLessThan(small.threshold / 2);
    expect(small.decideOn).toBe('score');
    expect(small.nullScores.length).toBe(100);
  });

  it('holds its false-alarm rate on fresh windows from the reference distribution, and detects drift', () => {
    const calibrated = calibrateThreshold(reference.feature('c'), { method: 'jensen-shannon', windowSize: 200, quantile: 0.95, iterations: 200, seed: 3 });
    const test = getStatTest('jensen-shannon');
    let alarms = 0;
    for (let i = 0; i < 200; i++) {
      const window = normals(200, 100 + i).map((v) => (v < -0.5 ? 'lo' : v < 0.5 ? 'mid' : 'hi'));
      if (test.run(reference.feature('c'), window, calibrated.threshold).drifted) alarms++;
    }
    expect(alarms / 200).toBeLessThan(0.1);
    const shifted = normals(200, 7, 0.5).map((v) => (v < -0.5 ? 'lo' : v < 0.5 ? 'mid' : 'hi'));
    expect(test.run(reference.feature('c'), shifted, calibrated.threshold).drifted).toBe(true);
  });

  it('calibrates hypothesis tests on their score', () => {
    const calibrated = calibrateThreshold(reference.feature('x'), { method: 'ks', windowSize: 300, iterations: 50, seed: 2 });
    const r = getStatTest('ks').run(reference.feature('x'), normals(300, 77, 0.4), calibrated.threshold, { decideOn: 'score' });
    expect(r).toMatchObject({ decidedBy: 'score', threshold: calibrated.threshold, drifted: true });
  });

  it('accepts raw reference values and rejects bad parameters', () => {
    expect(calibrateThreshold(normals(500, 5), { method: 'psi', windowSize: 100, iterations: 20 }).threshold).toBeGreaterThan(0);
    expect(() => calibrateThreshold(reference.feature('x'), { method: 'ks', windowSize: 0 })).toThrow(InvalidParameterError);
    expect(() => calibrateThreshold(reference.feature('x'), { method: 'ks', windowSize: 10, quantile: 1 })).toThrow('feature "x": invalid quantile');
  });
});
