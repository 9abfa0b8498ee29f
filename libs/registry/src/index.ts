/**
 * @mlops/registry: the ModelRegistry interface and its two implementations, the embedded
 * FilesystemRegistry (default) and MlflowRegistry (MLflow's REST API). Exports are listed by
 * name so the public surface is reviewed when it changes.
 */

// The interface and its data
export type { CreateVersionInput, DownloadedVersion, ModelRegistry, ModelVersion } from './registry/model-registry';
export type { JsonValue } from './registry/json-value';
export { ALIAS_PATTERN, ModelAlias } from './registry/model-alias';
export {
  KafkaOffsetRangeSchema,
  VersionLineageSchema,
  type KafkaOffsetRange,
  type VersionLineage,
} from './registry/version-lineage.schema';
export { MANIFEST_FILE, serializeManifest, sha256Hex, type ManifestEntry } from './manifest/artifact-manifest';
export { VERSION_INPUT_LIMITS } from './validation/version-input';

// Implementations
export { FilesystemRegistry, type FilesystemRegistryOptions } from './filesystem/filesystem-registry';
export { MlflowRegistry, type MlflowRegistryOptions } from './mlflow/mlflow-registry';
export type { MlflowHttpOptions } from './mlflow/mlflow-http-client';
export { DEFAULT_RETRY, type RetryPolicy } from './mlflow/retry-policy';
export { createModelRegistry, type RegistryConfig } from './create-model-registry';

// Errors
export { RegistryNotFoundError } from './errors/registry-not-found.error';
export { ModelNotFoundError } from './errors/model-not-found.error';
export { VersionNotFoundError } from './errors/version-not-found.error';
export { AliasNotFoundError } from './errors/alias-not-found.error';
export { ChecksumMismatchError } from './errors/checksum-mismatch.error';
export { InvalidNameError } from './errors/invalid-name.error';
export { InvalidVersionInputError } from './errors/invalid-version-input.error';
export { InvalidRegistryConfigError } from './errors/invalid-registry-config.error';
export { DestinationNotEmptyError } from './errors/destination-not-empty.error';
export { RegistryCorruptError } from './errors/registry-corrupt.error';
export { RegistryRequestError } from './errors/registry-request.error';
export { RegistryUnavailableError } from './errors/registry-unavailable.error';
