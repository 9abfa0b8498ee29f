import * as tf from '@tensorflow/tfjs';
import { InvalidModelOptionError } from '../errors';

/**
 * The batch size predictions run with unless the caller says otherwise. tfjs's own default
 * (32) cuts wasm's batched throughput about 30×; 1024–8192 were measured equally fast here.
 */
export const DEFAULT_PREDICT_BATCH_SIZE = 4096;

/**
 * Runs the network on a row-major input matrix and returns its outputs, row-major. The batch
 * size is always explicit: inputs up to one batch go through predictOnBatch (one call, no
 * slicing), larger ones through predict with that batch size.
 */
export async function runNetwork(network: tf.LayersModel, input: Float32Array, width: number, batchSize: number): Promise<Float32Array> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new InvalidModelOptionError('batchSize', `must be a positive integer, got ${batchSize}`);
  const rows = input.length / width;
  if (rows === 0) return new Float32Array(0);
  const x = tf.tensor2d(input, [rows, width]);
  let y: tf.Tensor | tf.Tensor[] | undefined;
  try {
    y = rows <= batchSize ? network.predictOnBatch(x) : network.predict(x, { batchSize });
    const out = Array.isArray(y) ? y[0] : y;
    return (await out.data()) as Float32Array;
  } finally {
    x.dispose();
    if (Array.isArray(y)) y.forEach((t) => t.dispose());
    else y?.dispose();
  }
}
