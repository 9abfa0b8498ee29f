import type { StructuredLogger } from '@mlops/observability';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import { AliasNotFoundError } from '../errors/alias-not-found.error';
import { ChecksumMismatchError } from '../errors/checksum-mismatch.error';
import { ModelNotFoundError } from '../errors/model-not-found.error';
import { RegistryCorruptError } from '../errors/registry-corrupt.error';
import { RegistryRequestError } from '../errors/registry-request.error';
import { VersionNotFoundError } from '../errors/version-not-found.error';
import { parseManifest, serializeManifest, sha256Hex, type ManifestEntry } from '../manifest/artifact-manifest';
import { listArtifactFiles } from '../manifest/list-artifact-files';
import type { JsonValue } from '../registry/json-value';
import type { CreateVersionInput, DownloadedVersion, ModelRegistry, ModelVersion } from '../registry/model-registry';
import { noopLogger } from '../registry/noop-logger';
import { VersionLineageSchema, type VersionLineage } from '../registry/version-lineage.schema';
import { intoFreshDirectory } from '../staging/fresh-directory';
import { assertAliasName, assertModelName, assertVersionName, isAllocatedVersion } from '../validation/registry-names';
import { validateVersionInput } from '../validation/version-input';
import { artifactFileUrlPath, artifactProxyPath } from './artifact-proxy-path';
import { toLogBatches, type MlflowKeyValue } from './log-batches';
import { MlflowHttpClient, type MlflowHttpOptions } from './mlflow-http-client';
import { keyValues, type MlflowModelVersion } from './mlflow-responses';
import { isNotFound, MlflowRestApi } from './mlflow-rest-api';
import { MLFLOW_LAYOUT, MlflowTag, isReservedKey } from './mlflow-layout';

export interface MlflowRegistryOptions extends MlflowHttpOptions {
  /** Experiment name = prefix + model name (default "mlops/"); the registered model is the model name. */
  experimentPrefix?: string;
  /** How long to wait for a model version to leave PENDING_REGISTRATION. */
  registrationTimeoutMs?: number;
  now?: () => Date;
}

/**
 * The registry on an MLflow tracking server, through its REST API only: an experiment per
 * model, a run per training (params, metrics, tags via runs/log-batch), the saved directory and
 * the registry's own records uploaded through the artifact proxy, then a registered model
 * version created from the run. Versions, aliases and lineage live in MLflow, so its UI shows
 * them; sha256s are kept in version tags and checked on every read.
 */
export class MlflowRegistry implements ModelRegistry {
  private readonly api: MlflowRestApi;
  private readonly logger: StructuredLogger;
  private readonly experimentPrefix: string;
  private readonly registrationTimeoutMs: number;
  private readonly now: () => Date;

  constructor(options: MlflowRegistryOptions) {
    this.logger = (options.logger ?? noopLogger).child({ registry: 'mlflow' });
    this.api = new MlflowRestApi(new MlflowHttpClient({ ...options, logger: this.logger }));
    this.experimentPrefix = options.experimentPrefix ?? 'mlops/';
    this.registrationTimeoutMs = options.registrationTimeoutMs ?? 30000;
    this.now = options.now ?? (() => new Date());
  }

  async createVersion(input: CreateVersionInput): Promise<ModelVersion> {
    const valid = validateVersionInput(input);
    const { model } = valid;
    const started = Date.now();
    const sourceFiles = await listArtifactFiles(valid.sourceDir);
    const experimentId = await this.api.ensureExperiment(this.experimentPrefix + model);
    const runTags = [{ key: MlflowTag.Model, value: model }, { key: MlflowTag.RequestId, value: valid.lineage.requestId }];
    const run = await this.api.createRun(experimentId, `${model} ${valid.lineage.requestId}`, started, runTags);
    try {
      const runDir = artifactProxyPath(run.artifactUri);
      const files: ManifestEntry[] = [];
      for (const path of sourceFiles) {
        // Hash the very buffer that is uploaded, so the manifest describes what the server holds.
        const bytes = await readFile(join(valid.sourceDir, path));
        await this.api.http.putArtifact(artifactFileUrlPath(`${runDir}/${MLFLOW_LAYOUT.modelDir}`, path), bytes);
        files.push({ path, size: bytes.length, sha256: sha256Hex(bytes) });
      }
      const manifest = serializeManifest(files);
      const lineage = Buffer.from(JSON.stringify(valid.lineage), 'utf8');
      await this.putRecord(runDir, MLFLOW_LAYOUT.manifest, manifest);
      await this.putRecord(runDir, MLFLOW_LAYOUT.profile, valid.baselineProfileJson);
      await this.putRecord(runDir, MLFLOW_LAYOUT.lineage, lineage);

      const timestamp = this.now().getTime();
      const metrics = Object.entries(valid.metrics).map(([key, value]) => ({ key, value, timestamp, step: 0 }));
      for (const batch of toLogBatches(metrics, toKeyValues(valid.params), toKeyValues(valid.tags))) await this.api.logBatch(run.runId, batch);
      await this.api.endRun(run.runId, 'FINISHED', this.now().getTime());

      await this.api.ensureRegisteredModel(model);
      const versionTags: MlflowKeyValue[] = [
        { key: MlflowTag.ArtifactSha256, value: sha256Hex(manifest) },
        { key: MlflowTag.BaselineProfileSha256, value: sha256Hex(valid.baselineProfileJson) },
        { key: MlflowTag.LineageSha256, value: sha256Hex(lineage) },
        { key: MlflowTag.RequestId, value: valid.lineage.requestId },
        ...(valid.lineage.parentVersion ? [{ key: MlflowTag.ParentVersion, value: valid.lineage.parentVersion }] : []),
      ];
      const created = await this.api.createModelVersion({
        name: model,
        source: `${run.artifactUri.replace(/\/+$/, '')}/${MLFLOW_LAYOUT.modelDir}`,
        runId: run.runId,
        tags: versionTags,
        ...(valid.description !== undefined && { description: valid.description }),
      });
      const ready = await this.waitUntilReady(created);
      this.logger.info('registered model version', { model, version: ready.version, runId: run.runId, files: files.length, durationMs: Date.now() - started });
      return this.toModelVersion(ready, { metrics: valid.metrics, params: valid.params, tags: valid.tags }, files, valid.lineage, []);
    } catch (error) {
      // Leave a trace in MLflow's UI of why this run has no version; never mask the cause.
      await this.api.endRun(run.runId, 'FAILED', this.now().getTime()).catch(() => undefined);
      throw error;
    }
  }

  async getVersion(model: string, version: string): Promise<ModelVersion> {
    assertModelName(model);
    assertVersionName(version);
    const found = await this.findModelVersion(model, version);
    return this.readVersion(found, found.aliases ?? []);
  }

  async listVersions(model: string): Promise<ModelVersion[]> {
    assertModelName(model);
    const aliases = await this.listAliases(model);
    const found = await this.api.searchModelVersions(model);
    found.sort((a, b) => Number(a.version) - Number(b.version));
    const versions: ModelVersion[] = [];
    // A few at a time: each version is three small requests.
    for (let i = 0; i < found.length; i += 4) {
      const chunk = found.slice(i, i + 4);
      versions.push(
        ...(await Promise.all(chunk.map((mv) => this.readVersion(mv, Object.keys(aliases).filter((a) => aliases[a] === mv.version))))),
      );
    }
    return versions;
  }

  async setAlias(model: string, alias: string, version: string): Promise<void> {
    assertModelName(model);
    assertAliasName(alias);
    assertVersionName(version);
    await this.findModelVersion(model, version);
    await this.api.setAlias(model, alias, version);
    this.logger.info('alias set', { model, alias, version });
  }

  async getAlias(model: string, alias: string): Promise<ModelVersion> {
    assertModelName(model);
    assertAliasName(alias);
    const version = (await this.listAliases(model))[alias];
    if (version === undefined) throw new AliasNotFoundError(model, alias);
    return this.getVersion(model, version);
  }

  async deleteAlias(model: string, alias: string): Promise<void> {
    assertModelName(model);
    assertAliasName(alias);
    // MLflow answers 200 for an alias that is not set; the interface promises AliasNotFoundError.
    if ((await this.listAliases(model))[alias] === undefined) throw new AliasNotFoundError(model, alias);
    await this.api.deleteAlias(model, alias);
    this.logger.info('alias deleted', { model, alias });
  }

  async listAliases(model: string): Promise<Record<string, string>> {
    assertModelName(model);
    try {
      return await this.api.getRegisteredModelAliases(model);
    } catch (error) {
      if (isNotFound(error)) throw new ModelNotFoundError(model);
      throw error;
    }
  }

  async downloadVersion(model: string, version: string, destination: string): Promise<DownloadedVersion> {
    const found = await this.getVersion(model, version);
    const modelDir = artifactProxyPath(found.artifact.uri);
    const directory = resolve(destination);
    await intoFreshDirectory(directory, async (temporary) => {
      for (const file of found.files) {
        const target = join(temporary, file.path);
        await mkdir(dirname(target), { recursive: true });
        const got = await this.api.http.downloadArtifact(artifactFileUrlPath(modelDir, file.path), target).catch((error: unknown) => {
          if (isNotFound(error)) throw new RegistryCorruptError(`${found.artifact.uri}/${file.path}`, 'file listed in the manifest is missing');
          throw error;
        });
        if (got.sha256 !== file.sha256) throw new ChecksumMismatchError(model, version, file.path, file.sha256, got.sha256);
      }
    });
    this.logger.info('downloaded model version', { model, version, files: found.files.length, directory });
    return { model, version, directory, files: found.files, sha256: found.artifact.sha256 };
  }

  async getBaselineProfile(model: string, version: string): Promise<JsonValue> {
    assertModelName(model);
    assertVersionName(version);
    const found = await this.findModelVersion(model, version);
    const bytes = await this.getRecord(found, MLFLOW_LAYOUT.profile, MlflowTag.BaselineProfileSha256);
    return JSON.parse(bytes.toString('utf8')) as JsonValue;
  }

  /** The model version, or ModelNotFoundError / VersionNotFoundError (told apart by one more request). */
  private async findModelVersion(model: string, version: string): Promise<MlflowModelVersion> {
    if (isAllocatedVersion(version)) {
      try {
        return await this.api.getModelVersion(model, version);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    await this.listAliases(model);
    throw new VersionNotFoundError(model, version);
  }

  private async readVersion(mv: MlflowModelVersion, aliases: string[]): Promise<ModelVersion> {
    if (!mv.run_id) throw new RegistryCorruptError(`models:/${mv.name}/${mv.version}`, 'model version has no run; it was not created by this registry');
    const [run, manifestBytes, lineageBytes] = await Promise.all([
      this.api.getRun(mv.run_id),
      this.getRecord(mv, MLFLOW_LAYOUT.manifest, MlflowTag.ArtifactSha256),
      this.getRecord(mv, MLFLOW_LAYOUT.lineage, MlflowTag.LineageSha256),
    ]);
    const location = `models:/${mv.name}/${mv.version}`;
    const files = parseManifest(manifestBytes, `${location} ${MLFLOW_LAYOUT.manifest}`);
    const lineage = VersionLineageSchema.safeParse(safeJson(lineageBytes));
    if (!lineage.success) throw new RegistryCorruptError(`${location} ${MLFLOW_LAYOUT.lineage}`, 'not a valid lineage');
    const userTags = Object.fromEntries(Object.entries(run.tags).filter(([key]) => !isReservedKey(key)));
    return this.toModelVersion(mv, { metrics: run.metrics, params: run.params, tags: userTags }, files, lineage.data, aliases);
  }

  /** Downloads one of the registry's records beside the model and checks it against its tag. */
  private async getRecord(mv: MlflowModelVersion, name: string, tag: string): Promise<Buffer> {
    const location = `models:/${mv.name}/${mv.version}`;
    const expected = requiredTag(mv, tag, location);
    const bytes = await this.api.http.getArtifactBytes(artifactFileUrlPath(runDirOf(mv), name)).catch((error: unknown) => {
      if (isNotFound(error)) throw new RegistryCorruptError(`${location} ${name}`, 'missing');
      throw error;
    });
    const actual = sha256Hex(bytes);
    if (actual !== expected) throw new ChecksumMismatchError(mv.name, mv.version, name, expected, actual);
    return bytes;
  }

  private async putRecord(runDir: string, name: string, bytes: Buffer): Promise<void> {
    await this.api.http.putArtifact(artifactFileUrlPath(runDir, name), bytes);
  }

  private async waitUntilReady(mv: MlflowModelVersion): Promise<MlflowModelVersion> {
    const deadline = Date.now() + this.registrationTimeoutMs;
    let current = mv;
    while (current.status === 'PENDING_REGISTRATION' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      current = await this.api.getModelVersion(mv.name, mv.version);
    }
    if (current.status === undefined || current.status === 'READY') return current;
    throw new RegistryRequestError('model-versions/create', `version ${mv.version} is ${current.status}: ${current.status_message ?? ''}`.trim());
  }

  private toModelVersion(
    mv: MlflowModelVersion,
    data: Pick<ModelVersion, 'metrics' | 'params' | 'tags'>,
    files: ManifestEntry[],
    lineage: VersionLineage,
    aliases: string[],
  ): ModelVersion {
    const location = `models:/${mv.name}/${mv.version}`;
    return {
      model: mv.name,
      version: mv.version,
      createdAt: new Date(mv.creation_timestamp).toISOString(),
      ...data,
      lineage,
      ...(mv.description && { description: mv.description }),
      artifact: { uri: mv.source, sha256: requiredTag(mv, MlflowTag.ArtifactSha256, location) },
      baselineProfile: { uri: `${runUriOf(mv)}/${MLFLOW_LAYOUT.profile}`, sha256: requiredTag(mv, MlflowTag.BaselineProfileSha256, location) },
      files,
      aliases: [...aliases].sort(),
    };
  }
}

/** A digest tag the registry set at creation; a version without it was made by someone else. */
function requiredTag(mv: MlflowModelVersion, tag: string, location: string): string {
  const value = keyValues(mv.tags)[tag];
  if (!value) throw new RegistryCorruptError(location, `tag ${tag} is missing; the version was not created by this registry`);
  return value;
}

/** The run's artifact folder (proxy path): the parent of the version's `model/` source. */
function runDirOf(mv: MlflowModelVersion): string {
  return posix.dirname(artifactProxyPath(mv.source));
}

function runUriOf(mv: MlflowModelVersion): string {
  return mv.source.replace(/\/+$/, '').replace(/\/[^/]+$/, '');
}

function toKeyValues(record: Record<string, string>): MlflowKeyValue[] {
  return Object.entries(record).map(([key, value]) => ({ key, value }));
}

function safeJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
