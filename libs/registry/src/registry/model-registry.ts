import type { ArtifactRef } from '@mlops/contracts';
import type { ManifestEntry } from '../manifest/artifact-manifest';
import type { JsonValue } from './json-value';
import type { VersionLineage } from './version-lineage.schema';

/** What createVersion stores. The saved model directory is opaque here: files, byte for byte. */
export interface CreateVersionInput {
  model: string;
  /** A saved model directory (regular files and folders only; symlinks are refused). */
  sourceDir: string;
  /** Final evaluation metrics (`accuracy`, `f1`, …): finite numbers. */
  metrics: Readonly<Record<string, number>>;
  /** Training parameters; numbers and booleans are stored as strings, as MLflow does. */
  params?: Readonly<Record<string, string | number | boolean>>;
  /** Free-form tags; keys starting with `mlops.` or `mlflow.` are reserved. */
  tags?: Readonly<Record<string, string>>;
  /** The training data's reference profile, stored as JSON beside the artifact. */
  baselineProfile: JsonValue;
  lineage: VersionLineage;
  description?: string;
}

export interface ModelVersion {
  model: string;
  /** Allocated by the registry: "1", "2", … in creation order, without gaps. */
  version: string;
  /** UTC ISO-8601. */
  createdAt: string;
  metrics: Record<string, number>;
  params: Record<string, string>;
  tags: Record<string, string>;
  lineage: VersionLineage;
  description?: string;
  /** The stored directory; `sha256` is the digest of its manifest (see `files`). */
  artifact: ArtifactRef;
  /** The stored baseline profile; `sha256` is the digest of its JSON bytes. */
  baselineProfile: ArtifactRef;
  /** Every file of the artifact with its size and sha256, sorted by path. */
  files: ManifestEntry[];
  /** Aliases pointing at this version when it was read. */
  aliases: string[];
}

export interface DownloadedVersion {
  model: string;
  version: string;
  /** The folder that now holds the artifact's files, every checksum verified. */
  directory: string;
  files: ManifestEntry[];
  /** Digest of the manifest, equal to `ModelVersion.artifact.sha256`. */
  sha256: string;
}

/**
 * A model registry: versions with metrics, parameters, tags, baseline profile and lineage;
 * aliases; artifacts stored with a sha256 per file and verified on the way out.
 *
 * Errors: InvalidNameError (before any I/O), InvalidVersionInputError, ModelNotFoundError,
 * VersionNotFoundError, AliasNotFoundError, ChecksumMismatchError, DestinationNotEmptyError,
 * RegistryCorruptError, RegistryRequestError (all permanent) and RegistryUnavailableError
 * (retriable).
 */
export interface ModelRegistry {
  /** Stores a new version and returns it; the version number is allocated by the registry. */
  createVersion(input: CreateVersionInput): Promise<ModelVersion>;
  getVersion(model: string, version: string): Promise<ModelVersion>;
  /** Every version of the model, oldest first. */
  listVersions(model: string): Promise<ModelVersion[]>;

  /** Points `alias` at `version` (moving it if it pointed elsewhere). */
  setAlias(model: string, alias: string, version: string): Promise<void>;
  /** The version `alias` points at. */
  getAlias(model: string, alias: string): Promise<ModelVersion>;
  /** Removes the alias; AliasNotFoundError when it was not set. */
  deleteAlias(model: string, alias: string): Promise<void>;
  /** alias → version for every alias of the model. */
  listAliases(model: string): Promise<Record<string, string>>;

  /**
   * Copies the version's files into `destination` (created; it must not exist or be empty).
   * Files are written to a temporary sibling folder and verified first, so on any error the
   * destination is left as it was.
   */
  downloadVersion(model: string, version: string, destination: string): Promise<DownloadedVersion>;
  /** The baseline profile stored with the version, checksum verified. */
  getBaselineProfile(model: string, version: string): Promise<JsonValue>;
}
