import * as tf from '@tensorflow/tfjs';
import { TrainingDivergedError } from '../errors';
import { permutation } from '../random/seeded-random';
import { EarlyStopping } from './early-stopping';
import type { TrainingProgress } from './training-progress';

export interface FitData {
  readonly xTrain: tf.Tensor2D;
  readonly yTrain: tf.Tensor2D;
  readonly xValidation: tf.Tensor2D;
  readonly yValidation: tf.Tensor2D;
}

export interface FitSettings {
  readonly batchSize: number;
  readonly maxEpochs: number;
  readonly patience: number;
  readonly minDelta: number;
  readonly random: () => number;
  /** Converts the compiled metric to what progress reports (regression MAE back to label units). */
  readonly metric: { readonly name: 'accuracy' | 'mae'; readonly scale: number };
  readonly elapsedMs: () => number;
  readonly onEpoch: (progress: TrainingProgress) => void;
}

export interface FitSummary {
  readonly epochs: number;
  readonly bestEpoch: number;
  readonly bestValidationLoss: number;
  readonly stoppedEarly: boolean;
}

/** How often training lets the event loop run (HTTP, Kafka heartbeats), in ms. */
const YIELD_EVERY_MS = 50;

/**
 * The epoch loop. Each epoch trains on the rows in a fresh seeded order (tfjs's own shuffle
 * uses Math.random, so it is off), then measures validation loss and metric. Early stopping
 * watches the validation loss; the best epoch's weights are restored at the end.
 */
export async function fitNetwork(model: tf.LayersModel, data: FitData, s: FitSettings): Promise<FitSummary> {
  const stopping = new EarlyStopping(s.patience, s.minDelta);
  const rows = data.xTrain.shape[0];
  let best: tf.Tensor[] | undefined;
  let epoch = 0;
  let stoppedEarly = false;
  try {
    while (epoch < s.maxEpochs) {
      epoch++;
      const order = tf.tensor1d(permutation(rows, s.random), 'int32');
      const x = tf.gather(data.xTrain, order);
      const y = tf.gather(data.yTrain, order);
      order.dispose();
      let loss: number;
      try {
        const history = await model.fit(x, y, {
          epochs: 1,
          batchSize: s.batchSize,
          shuffle: false,
          verbose: 0,
          // Without a callback tfjs never yields inside fit(): a service training a model would
          // stop answering health probes and scrapes until it is done. With one, it yields to
          // the event loop (setImmediate) at most every YIELD_EVERY_MS.
          yieldEvery: YIELD_EVERY_MS,
          callbacks: { onYield: () => undefined },
        });
        loss = Number(history.history['loss'][0]);
      } finally {
        x.dispose();
        y.dispose();
      }
      const [validationLoss, metric] = await evaluateScalars(model, data, s.batchSize);
      if (!Number.isFinite(loss) || !Number.isFinite(validationLoss)) throw new TrainingDivergedError(epoch);
      const step = stopping.update(epoch, validationLoss);
      if (step.improved) {
        best?.forEach((w) => w.dispose());
        best = model.getWeights().map((w) => w.clone());
      }
      s.onEpoch({
        epoch,
        maxEpochs: s.maxEpochs,
        loss,
        validationLoss,
        validationMetric: { name: s.metric.name, value: metric * s.metric.scale },
        improved: step.improved,
        elapsedMs: s.elapsedMs(),
      });
      if (step.stop) {
        stoppedEarly = epoch < s.maxEpochs;
        break;
      }
    }
    if (best !== undefined) model.setWeights(best);
  } finally {
    best?.forEach((w) => w.dispose());
  }
  return { epochs: epoch, bestEpoch: stopping.bestEpoch, bestValidationLoss: stopping.bestValue, stoppedEarly };
}

async function evaluateScalars(model: tf.LayersModel, data: FitData, batchSize: number): Promise<[number, number]> {
  // Validation runs in large batches: it does not update weights, so the batch size only sets speed.
  const result = model.evaluate(data.xValidation, data.yValidation, { batchSize: Math.max(batchSize, 4096) });
  const scalars = Array.isArray(result) ? result : [result];
  try {
    const values = await Promise.all(scalars.map((t) => t.data()));
    return [values[0][0], values[1]?.[0] ?? Number.NaN];
  } finally {
    scalars.forEach((t) => t.dispose());
  }
}
