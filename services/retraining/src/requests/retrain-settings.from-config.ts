import type { RetrainingConfig } from '../config/retraining-config.schema';
import type { RetrainSettings } from '@mlops/lifecycle';

/** The use case's settings from the validated environment; unset training values keep the champion's. */
export function retrainSettingsFrom(config: RetrainingConfig): RetrainSettings {
  return {
    minRows: config.RETRAINING_MIN_ROWS,
    holdoutFraction: config.RETRAINING_HOLDOUT_FRACTION,
    ...(config.RETRAINING_PRIMARY_METRIC !== undefined && { primaryMetric: config.RETRAINING_PRIMARY_METRIC }),
    minImprovement: config.RETRAINING_MIN_IMPROVEMENT,
    seed: config.RETRAINING_SEED,
    training: {
      ...(config.RETRAINING_HIDDEN_UNITS !== undefined && { hiddenUnits: config.RETRAINING_HIDDEN_UNITS }),
      ...(config.RETRAINING_MAX_EPOCHS !== undefined && { maxEpochs: config.RETRAINING_MAX_EPOCHS }),
      ...(config.RETRAINING_LEARNING_RATE !== undefined && { learningRate: config.RETRAINING_LEARNING_RATE }),
      ...(config.RETRAINING_BATCH_SIZE !== undefined && { batchSize: config.RETRAINING_BATCH_SIZE }),
    },
    categoricalFeatures: config.RETRAINING_CATEGORICAL_FEATURES,
  };
}
