import { decodeOutputs } from './decode-outputs';

describe('decodeOutputs', () => {
  it('binary: label by 0.5, score = positive probability', () => {
    const [a, b] = decodeOutputs(Float32Array.from([0.25, 0.5]), { task: 'binary', classes: ['no', 'yes'] });
    expect(a).toEqual({ label: 'no', score: 0.25, probabilities: { no: 0.75, yes: 0.25 } });
    expect(b).toMatchObject({ label: 'yes', score: 0.5 });
  });

  it('multiclass: the most probable class and its probability', () => {
    const [p] = decodeOutputs(Float32Array.from([0.125, 0.625, 0.25]), { task: 'multiclass', classes: [1, 2, 3] });
    expect(p).toEqual({ label: 2, score: 0.625, probabilities: { '1': 0.125, '2': 0.625, '3': 0.25 } });
  });

  it('regression: back to label units', () => {
    expect(decodeOutputs(Float32Array.from([1, -0.5]), { task: 'regression', mean: 100, std: 10 })).toEqual([110, 95]);
  });
});
