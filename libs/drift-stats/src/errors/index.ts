export { DriftStatsError } from './drift-stats.error';
export { FeatureTypeMismatchError } from './feature-type-mismatch.error';
export { SchemaMismatchError } from './schema-mismatch.error';
export { InvalidParameterError } from './invalid-parameter.error';
export { UnknownStatTestError } from './unknown-stat-test.error';
export { UnsupportedFeatureTypeError } from './unsupported-feature-type.error';
export { ProfileFormatError } from './profile-format.error';
