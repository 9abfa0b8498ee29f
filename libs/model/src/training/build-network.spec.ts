import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../backend/select-backend';
import { activeColumnsOf, buildNetwork } from './build-network';

const settings = { hiddenUnits: [8, 4], activation: 'relu', learningRate: 0.01, seed: 3 } as const;

describe('buildNetwork', () => {
  beforeAll(() => selectBackend('wasm'));

  it('stacks named dense layers with the output the task needs', () => {
    const binary = buildNetwork(5, { task: 'binary', classes: [0, 1] }, settings, new Uint8Array(5).fill(1));
    const multi = buildNetwork(5, { task: 'multiclass', classes: [0, 1, 2] }, settings, new Uint8Array(5).fill(1));
    const regression = buildNetwork(5, { task: 'regression', mean: 0, std: 1 }, settings, new Uint8Array(5).fill(1));
    expect(binary.layers.map((l) => l.name)).toEqual(['hidden_1', 'hidden_2', 'output']);
    expect(binary.outputs[0].shape).toEqual([null, 1]);
    expect(multi.outputs[0].shape).toEqual([null, 3]);
    expect(regression.getLayer('output').getConfig()['activation']).toBe('linear');
    expect(multi.getLayer('output').getConfig()['activation']).toBe('softmax');
    [binary, multi, regression].forEach((m) => m.dispose());
  });

  it('draws the same initial weights for the same seed', () => {
    const a = buildNetwork(5, { task: 'binary', classes: [0, 1] }, settings, new Uint8Array(5).fill(1));
    const b = buildNetwork(5, { task: 'binary', classes: [0, 1] }, settings, new Uint8Array(5).fill(1));
    const c = buildNetwork(5, { task: 'binary', classes: [0, 1] }, { ...settings, seed: 4 }, new Uint8Array(5).fill(1));
    const first = (m: tf.LayersModel) => Array.from(m.getWeights()[0].dataSync());
    expect(first(b)).toEqual(first(a));
    expect(first(c)).not.toEqual(first(a));
    [a, b, c].forEach((m) => m.dispose());
  });

  it('starts columns never active in training at zero weight', () => {
    const active = activeColumnsOf(Float32Array.from([1, 0, 0.5, 2, 0, 0]), 3);
    expect(Array.from(active)).toEqual([1, 0, 1]);
    const m = buildNetwork(3, { task: 'binary', classes: [0, 1] }, settings, active);
    const kernel = m.getWeights()[0].arraySync() as number[][];
    expect(kernel[1].every((w) => w === 0)).toBe(true);
    expect(kernel[0].some((w) => w !== 0)).toBe(true);
    m.dispose();
  });
});
