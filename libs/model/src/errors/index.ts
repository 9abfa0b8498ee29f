export { ModelError, type ModelErrorContext } from './model.error';
export {
  InvalidFeatureError,
  MissingFeatureError,
  UnexpectedFeatureError,
  FeatureTypeError,
  NonFiniteFeatureError,
  UnknownCategoryError,
  type InvalidFeatureReason,
} from './invalid-feature.error';
export { InvalidFeatureRecordError } from './invalid-feature-record.error';
export { InvalidTrainingDataError, EmptyTrainingSetError, SingleClassError, InvalidLabelError } from './invalid-training-data.error';
export { TrainingDivergedError } from './training-diverged.error';
export { InvalidModelOptionError } from './invalid-model-option.error';
export { BackendUnavailableError, BackendNotSelectedError } from './backend.errors';
export {
  ArtifactIntegrityError,
  ChecksumMismatchError,
  MissingArtifactFileError,
  UnexpectedArtifactFileError,
  ModelFormatError,
  ModelDirectoryExistsError,
  type ArtifactProblem,
} from './artifact.errors';
