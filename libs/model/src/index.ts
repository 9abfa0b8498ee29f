/**
 * @mlops/model: a tabular model on tfjs. Preprocessing learned from training data, a seeded
 * MLP (binary, multiclass, regression) with early stopping, batched prediction, evaluation,
 * a baseline profile for drift, and save/load as a checksummed directory.
 */

// Backend: chosen once at start-up.
export { BACKEND_NAMES, DEFAULT_BACKEND, isBackendName, type BackendName } from './backend/backend-name';
export { selectBackend, requireBackend, type BackendInfo, type SelectBackendOptions } from './backend/select-backend';

// Training
export { trainTabularModel, type TrainOptions } from './training/train-tabular-model';
export { TrainingOptionsSchema, type TrainingOptionsInput, type TrainingSettings } from './training/training-options';
export type { TrainingExample } from './training/training-example';
export type { TrainingProgress, ProgressCallback } from './training/training-progress';

// The model
export { TabularModel, type PredictOptions } from './model/tabular-model';
export { MODEL_FORMAT, MODEL_FORMAT_VERSION, ModelMetadataSchema, type ModelMetadata, type ModelMetrics } from './model/model-metadata';
export { DEFAULT_PREDICT_BATCH_SIZE } from './prediction/run-network';
export type { ClassPrediction, TabularPrediction } from './target/decode-outputs';
export { TASKS, type Task, type LabelValue, type TargetEncoding } from './target/target-encoding';
export { FEATURE_TYPES, type FeatureType, type FeatureDefinition, type FeatureRecord, type FeatureValue } from './schema/feature-schema';
export type { UnknownCategoryPolicy } from './preprocessing/preprocessor';

// Baseline profile (drift-stats ReferenceProfile)
export {
  BASELINE_PREDICTION_COLUMN,
  BASELINE_SCORE_COLUMN,
  BASELINE_LABEL_COLUMN,
  baselineSchema,
  baselineRow,
} from './baseline/baseline-profile';

// Persistence
export { saveTabularModel, type SavedModel } from './persistence/save-model';
export { loadTabularModel, type LoadOptions } from './persistence/load-model';
export {
  MODEL_JSON_FILE,
  WEIGHTS_FILE,
  PREPROCESSING_FILE,
  METADATA_FILE,
  BASELINE_FILE,
  MANIFEST_FILE,
} from './persistence/artifact-files';
export type { Manifest } from './persistence/manifest';

// Errors
export * from './errors';
