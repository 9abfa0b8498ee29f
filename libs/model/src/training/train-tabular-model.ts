import * as tf from '@tensorflow/tfjs';
import type { StructuredLogger } from '@mlops/observability';
import { BASELINE_COLUMNS, buildBaselineProfile } from '../baseline/baseline-profile';
import { requireBackend } from '../backend/select-backend';
import { EmptyTrainingSetError, InvalidModelOptionError, InvalidTrainingDataError } from '../errors';
import { computeMetrics } from '../evaluation/compute-metrics';
import { noopLogger } from '../logging/noop-logger';
import { TabularModel } from '../model/tabular-model';
import { Preprocessor } from '../preprocessing/preprocessor';
import { DEFAULT_PREDICT_BATCH_SIZE, runNetwork } from '../prediction/run-network';
import { mulberry32 } from '../random/seeded-random';
import { inferFeatureSchema } from '../schema/infer-feature-schema';
import { decodeOutputs } from '../target/decode-outputs';
import { encodeTargets } from '../target/encode-target';
import { fitTarget } from '../target/fit-target';
import { outputUnits } from '../target/target-encoding';
import { buildMetadata } from './build-metadata';
import { activeColumnsOf, buildNetwork } from './build-network';
import { checkTrainingRecords } from './check-training-records';
import { fitNetwork, FitSummary } from './fit-network';
import { splitRows } from './split-rows';
import type { TrainingExample } from './training-example';
import { parseTrainingOptions, TrainingOptionsInput } from './training-options';
import type { ProgressCallback } from './training-progress';

export interface TrainOptions extends TrainingOptionsInput {
  /** Called after every epoch (epoch, loss, validation loss and metric, elapsed time). */
  readonly onProgress?: ProgressCallback;
  readonly logger?: StructuredLogger;
  /** Clock for `trainedAt` and durations (tests pin it). */
  readonly now?: () => number;
}

/**
 * Trains a tabular MLP on labeled rows: checks the rows, infers the feature schema, holds out a
 * seeded validation split, learns preprocessing and target encoding from the training split,
 * fits with early stopping on the validation loss, then measures validation metrics and
 * profiles all rows (features, prediction, label) as the model's baseline.
 *
 * Runs on the backend chosen by selectBackend(). Every problem with the data or the options is
 * a typed ModelError raised before the first epoch.
 */
export async function trainTabularModel(examples: readonly TrainingExample[], options: TrainOptions): Promise<TabularModel> {
  const { onProgress, logger = noopLogger, now = Date.now, ...serialisable } = options;
  const settings = parseTrainingOptions(serialisable);
  const backend = requireBackend();
  if (!Array.isArray(examples)) throw new InvalidModelOptionError('examples', 'must be an array of { features, label }');
  if (examples.length === 0) throw new EmptyTrainingSetError();
  const started = now();

  const records = examples.map((e) => e?.features);
  const labels = examples.map((e) => e?.label);
  const schema = inferFeatureSchema(records, settings.features);
  const reserved = schema.find((f) => BASELINE_COLUMNS.includes(f.name));
  if (reserved !== undefined) throw new InvalidTrainingDataError(`feature name "${reserved.name}" is reserved for the baseline profile`, { feature: reserved.name });
  checkTrainingRecords(records, schema);

  const random = mulberry32(settings.seed);
  const split = splitRows(examples.length, settings.validationFraction, random);
  const target = fitTarget(labels, settings.task, { positiveLabel: settings.positiveLabel, trainRows: split.train });
  const preprocessor = Preprocessor.fit(
    split.train.map((i) => records[i]),
    schema,
    { minCategoryCount: settings.minCategoryCount, maxCategories: settings.maxCategories },
  );
  const log = logger.child({ task: settings.task });
  log.info('training started', {
    rows: examples.length,
    trainRows: split.train.length,
    validationRows: split.validation.length,
    features: schema.length,
    inputColumns: preprocessor.width,
    backend: backend.name,
  });

  const width = preprocessor.width;
  const units = outputUnits(target);
  const xAll = preprocessor.transform(records);
  const yAll = encodeTargets(labels, target);
  const network = buildNetwork(width, target, settings, activeColumnsOf(pick(xAll, split.train, width), width));
  const data = tf.tidy(() => {
    const x = tf.tensor2d(xAll, [examples.length, width]);
    const y = tf.tensor2d(yAll, [examples.length, units]);
    const train = tf.tensor1d(Int32Array.from(split.train), 'int32');
    const validation = tf.tensor1d(Int32Array.from(split.validation), 'int32');
    return {
      xTrain: tf.gather(x, train) as tf.Tensor2D,
      yTrain: tf.gather(y, train) as tf.Tensor2D,
      xValidation: tf.gather(x, validation) as tf.Tensor2D,
      yValidation: tf.gather(y, validation) as tf.Tensor2D,
    };
  });

  let summary: FitSummary;
  try {
    summary = await fitNetwork(network, data, {
      batchSize: settings.batchSize,
      maxEpochs: settings.maxEpochs,
      patience: settings.patience,
      minDelta: settings.minDelta,
      random,
      metric: target.task === 'regression' ? { name: 'mae', scale: target.std } : { name: 'accuracy', scale: 1 },
      elapsedMs: () => now() - started,
      onEpoch: (p) => {
        log.debug('epoch completed', { ...p, validationMetric: p.validationMetric.value, metric: p.validationMetric.name });
        onProgress?.(p);
      },
    });
  } catch (error) {
    network.dispose();
    throw error;
  } finally {
    Object.values(data).forEach((t) => t.dispose());
  }

  try {
    const outputs = await runNetwork(network, xAll, width, DEFAULT_PREDICT_BATCH_SIZE);
    const metrics = computeMetrics(pick(outputs, split.validation, units), split.validation.map((i) => labels[i]), target);
    const baseline = buildBaselineProfile(records, decodeOutputs(outputs, target), labels, schema, target, settings.seed);
    const durationMs = now() - started;
    const metadata = buildMetadata({ schema, target, metrics, split, summary, settings, backend: backend.name, durationMs, trainedAt: now() });
    log.info(`training completed in ${(durationMs / 1000).toFixed(1)} s`, { ...summary, durationMs, metrics });
    return new TabularModel(network, preprocessor, target, metadata, baseline);
  } catch (error) {
    network.dispose();
    throw error;
  }
}

/** Rows `indices` of a row-major matrix with `width` columns. */
function pick(matrix: Float32Array, indices: readonly number[], width: number): Float32Array {
  const out = new Float32Array(indices.length * width);
  indices.forEach((r, i) => out.set(matrix.subarray(r * width, (r + 1) * width), i * width));
  return out;
}
