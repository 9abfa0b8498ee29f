import * as tf from '@tensorflow/tfjs';
import { outputUnits, TargetEncoding } from '../target/target-encoding';

export interface NetworkSettings {
  readonly hiddenUnits: readonly number[];
  readonly activation: 'relu' | 'elu' | 'tanh';
  readonly learningRate: number;
  readonly seed: number;
}

/**
 * The MLP: dense hidden layers, then a sigmoid (binary), softmax (multiclass) or linear
 * (regression) output, compiled with Adam and the matching loss. Each layer's Glorot
 * initialiser gets its own seed derived from `seed`, and layer names are fixed, so the same
 * seed gives the same initial weights and the same saved topology.
 *
 * `activeColumns[j] = 0` marks input columns that are always 0 in training: their first-layer
 * weights are set to 0 (see feature-encoding.ts for why).
 */
export function buildNetwork(inputWidth: number, target: TargetEncoding, settings: NetworkSettings, activeColumns: Uint8Array): tf.Sequential {
  const model = tf.sequential({ name: 'tabular_mlp' });
  settings.hiddenUnits.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        name: `hidden_${i + 1}`,
        units,
        activation: settings.activation,
        kernelInitializer: tf.initializers.glorotUniform({ seed: settings.seed + i }),
        biasInitializer: 'zeros',
        ...(i === 0 ? { inputShape: [inputWidth] } : {}),
      }),
    );
  });
  model.add(
    tf.layers.dense({
      name: 'output',
      units: outputUnits(target),
      activation: target.task === 'binary' ? 'sigmoid' : target.task === 'multiclass' ? 'softmax' : 'linear',
      kernelInitializer: tf.initializers.glorotUniform({ seed: settings.seed + settings.hiddenUnits.length }),
      biasInitializer: 'zeros',
    }),
  );
  model.compile({
    optimizer: tf.train.adam(settings.learningRate),
    loss: target.task === 'binary' ? 'binaryCrossentropy' : target.task === 'multiclass' ? 'categoricalCrossentropy' : 'meanSquaredError',
    metrics: target.task === 'regression' ? ['mae'] : ['accuracy'],
  });
  zeroInactiveInputs(model, activeColumns);
  return model;
}

function zeroInactiveInputs(model: tf.Sequential, activeColumns: Uint8Array): void {
  if (activeColumns.every((a) => a === 1)) return;
  const first = model.layers[0];
  const [kernel, bias] = first.getWeights();
  const masked = tf.tidy(() => kernel.mul(tf.tensor2d(Float32Array.from(activeColumns), [activeColumns.length, 1])));
  first.setWeights([masked, bias]);
  masked.dispose();
}

/** 1 for each column with a non-zero value in some row of the row-major matrix `x`. */
export function activeColumnsOf(x: Float32Array, width: number): Uint8Array {
  const active = new Uint8Array(width);
  for (let i = 0; i < x.length; i++) if (x[i] !== 0) active[i % width] = 1;
  return active;
}
