/**
 * The retraining flow without Kafka or Nest: what `mlops train` and the retraining service share.
 * Lives in libs/lifecycle so the service and the CLI share one code path.
 */
export { trainAndRegister, type RetrainOutcome, type RetrainStage, type TrainAndRegisterDeps, type TrainAndRegisterInput } from './train-and-register';
export { DEFAULT_RETRAIN_SETTINGS, type RetrainSettings, type TrainingOverrides } from './retrain-settings';
export type { TrainingTrigger } from './training-record';
export { findRegisteredVersion } from './find-registered-version';
export { modelRejectedEvent, modelRegisteredEvent, comparisonFromTags, oneLine, type Rejection } from './model-events';
export { splitHoldout } from './split-holdout';
export { sampleRows } from './sample-rows';
export { improvementOf, isLowerBetter, defaultPrimaryMetric } from './metric-direction';
