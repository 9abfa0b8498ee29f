import type { StructuredLogger } from '@mlops/observability';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AliasNotFoundError } from '../errors/alias-not-found.error';
import { ChecksumMismatchError } from '../errors/checksum-mismatch.error';
import { ModelNotFoundError } from '../errors/model-not-found.error';
import { RegistryCorruptError } from '../errors/registry-corrupt.error';
import { VersionNotFoundError } from '../errors/version-not-found.error';
import { parseManifest, serializeManifest, sha256Hex, type ManifestEntry } from '../manifest/artifact-manifest';
import { copyFileHashed } from '../manifest/hashing-copy';
import { listArtifactFiles } from '../manifest/list-artifact-files';
import type { JsonValue } from '../registry/json-value';
import type { CreateVersionInput, DownloadedVersion, ModelRegistry, ModelVersion } from '../registry/model-registry';
import { noopLogger } from '../registry/noop-logger';
import { intoFreshDirectory } from '../staging/fresh-directory';
import { writeFileAtomic } from '../staging/atomic-write-file';
import { assertAliasName, assertModelName, assertVersionName, isAllocatedVersion } from '../validation/registry-names';
import { validateVersionInput } from '../validation/version-input';
import { publishAsNextVersion } from './claim-version-number';
import { FilesystemLayout, STAGED } from './filesystem-layout';
import { AliasRecordSchema, parseRecord, serializeRecord, type VersionRecord } from './version-record';

export interface FilesystemRegistryOptions {
  /** The registry's folder (REGISTRY_ROOT); created on first write. */
  root: string;
  logger?: StructuredLogger;
  now?: () => Date;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * The embedded registry: plain folders under one root, safe for several processes on the same
 * filesystem. Versions are published by one atomic rename (see claim-version-number.ts), aliases
 * are replaced by rename, and every file is hashed when stored and verified when read.
 */
export class FilesystemRegistry implements ModelRegistry {
  readonly layout: FilesystemLayout;
  private readonly logger: StructuredLogger;
  private readonly now: () => Date;

  constructor(options: FilesystemRegistryOptions) {
    if (!options.root) throw new RangeError('FilesystemRegistry: root is required');
    this.layout = new FilesystemLayout(resolve(options.root));
    this.logger = (options.logger ?? noopLogger).child({ registry: 'filesystem' });
    this.now = options.now ?? (() => new Date());
  }

  async createVersion(input: CreateVersionInput): Promise<ModelVersion> {
    const valid = validateVersionInput(input);
    const { model } = valid;
    const started = Date.now();
    const sourceFiles = await listArtifactFiles(valid.sourceDir);
    await mkdir(this.layout.stagingDir(), { recursive: true });
    const staged = await mkdtemp(join(this.layout.stagingDir(), `${model}.`));
    try {
      const files: ManifestEntry[] = [];
      for (const path of sourceFiles) {
        const target = join(staged, STAGED.artifact, path);
        await mkdir(dirname(target), { recursive: true });
        files.push({ path, ...(await copyFileHashed(join(valid.sourceDir, path), target)) });
      }
      const manifest = serializeManifest(files);
      await writeFile(join(staged, STAGED.manifest), manifest);
      await writeFile(join(staged, STAGED.profile), valid.baselineProfileJson);
      const base = {
        schemaVersion: 1 as const,
        model,
        metrics: valid.metrics,
        params: valid.params,
        tags: valid.tags,
        lineage: valid.lineage,
        ...(valid.description !== undefined && { description: valid.description }),
        artifactSha256: sha256Hex(manifest),
        baselineProfileSha256: sha256Hex(valid.baselineProfileJson),
      };
      let record: VersionRecord | undefined;
      await mkdir(this.layout.versionsDir(model), { recursive: true });
      const version = await publishAsNextVersion(staged, this.layout.versionsDir(model), {
        prepare: async (candidate) => {
          record = { ...base, version: candidate, createdAt: this.now().toISOString() };
          await writeFile(join(staged, STAGED.record), serializeRecord(record));
        },
        onTaken: (taken) => this.logger.debug('version number taken by another writer, trying the next', { model, version: taken }),
      });
      this.logger.info('registered model version', { model, version, files: files.length, durationMs: Date.now() - started });
      return this.toModelVersion(record as VersionRecord, files, []);
    } catch (error) {
      await rm(staged, { recursive: true, force: true });
      throw error;
    }
  }

  async getVersion(model: string, version: string): Promise<ModelVersion> {
    assertModelName(model);
    assertVersionName(version);
    return this.readVersion(model, version, await this.listAliases(model));
  }

  async listVersions(model: string): Promise<ModelVersion[]> {
    assertModelName(model);
    const aliases = await this.listAliases(model);
    const names = await readdir(this.layout.versionsDir(model)).catch((error: unknown) => {
      if (isMissing(error)) return [] as string[];
      throw error;
    });
    const versions = names.filter(isAllocatedVersion).sort((a, b) => Number(a) - Number(b));
    return Promise.all(versions.map((version) => this.readVersion(model, version, aliases)));
  }

  async setAlias(model: string, alias: string, version: string): Promise<void> {
    assertModelName(model);
    assertAliasName(alias);
    assertVersionName(version);
    await this.readRecord(model, version);
    await mkdir(this.layout.aliasesDir(model), { recursive: true });
    await writeFileAtomic(this.layout.aliasFile(model, alias), JSON.stringify({ version, updatedAt: this.now().toISOString() }));
    this.logger.info('alias set', { model, alias, version });
  }

  async getAlias(model: string, alias: string): Promise<ModelVersion> {
    assertModelName(model);
    assertAliasName(alias);
    const aliases = await this.listAliases(model);
    const version = aliases[alias];
    if (version === undefined) throw new AliasNotFoundError(model, alias);
    return this.readVersion(model, version, aliases);
  }

  async deleteAlias(model: string, alias: string): Promise<void> {
    assertModelName(model);
    assertAliasName(alias);
    try {
      await unlink(this.layout.aliasFile(model, alias));
    } catch (error) {
      if (!isMissing(error)) throw error;
      await this.assertModelExists(model);
      throw new AliasNotFoundError(model, alias);
    }
    this.logger.info('alias deleted', { model, alias });
  }

  async listAliases(model: string): Promise<Record<string, string>> {
    assertModelName(model);
    await this.assertModelExists(model);
    const names = await readdir(this.layout.aliasesDir(model)).catch((error: unknown) => {
      if (isMissing(error)) return [] as string[];
      throw error;
    });
    const aliases: Record<string, string> = {};
    // Temporary files start with "." and never match; an alias deleted meanwhile is skipped.
    for (const name of names.filter((n) => /^[a-z][a-z0-9_-]*\.json$/.test(n)).sort()) {
      const alias = name.slice(0, -'.json'.length);
      const location = this.layout.aliasFile(model, alias);
      const text = await readFile(location, 'utf8').catch((error: unknown) => {
        if (isMissing(error)) return undefined;
        throw error;
      });
      if (text === undefined) continue;
      const parsed = AliasRecordSchema.safeParse(safeJson(text));
      if (!parsed.success) throw new RegistryCorruptError(location, 'expected { version, updatedAt }');
      aliases[alias] = parsed.data.version;
    }
    return aliases;
  }

  async downloadVersion(model: string, version: string, destination: string): Promise<DownloadedVersion> {
    const found = await this.getVersion(model, version);
    const source = this.layout.artifactDir(model, version);
    const directory = resolve(destination);
    await intoFreshDirectory(directory, async (temporary) => {
      for (const file of found.files) {
        const target = join(temporary, file.path);
        await mkdir(dirname(target), { recursive: true });
        const copied = await copyFileHashed(join(source, file.path), target).catch((error: unknown) => {
          if (isMissing(error)) throw new RegistryCorruptError(join(source, file.path), 'file listed in the manifest is missing');
          throw error;
        });
        if (copied.sha256 !== file.sha256) throw new ChecksumMismatchError(model, version, file.path, file.sha256, copied.sha256);
      }
    });
    this.logger.info('downloaded model version', { model, version, files: found.files.length, directory });
    return { model, version, directory, files: found.files, sha256: found.artifact.sha256 };
  }

  async getBaselineProfile(model: string, version: string): Promise<JsonValue> {
    assertModelName(model);
    assertVersionName(version);
    const record = await this.readRecord(model, version);
    const location = this.layout.profileFile(model, version);
    const bytes = await readFile(location);
    const actual = sha256Hex(bytes);
    if (actual !== record.baselineProfileSha256) {
      throw new ChecksumMismatchError(model, version, 'baseline-profile.json', record.baselineProfileSha256, actual);
    }
    return JSON.parse(bytes.toString('utf8')) as JsonValue;
  }

  /**
   * Removes staging folders older than `olderThanMs`: what writers that crashed mid-copy left
   * behind. They are invisible to readers either way; this only reclaims the space. Keep the age
   * well above the longest registration, since a live writer's folder looks the same.
   */
  async sweepStaging(olderThanMs: number): Promise<number> {
    const dir = this.layout.stagingDir();
    const names = await readdir(dir).catch((error: unknown) => {
      if (isMissing(error)) return [] as string[];
      throw error;
    });
    let removed = 0;
    for (const name of names) {
      const info = await stat(join(dir, name)).catch(() => undefined);
      if (info && this.now().getTime() - info.mtimeMs > olderThanMs) {
        await rm(join(dir, name), { recursive: true, force: true });
        removed++;
      }
    }
    if (removed > 0) this.logger.info('removed stale staging folders', { removed });
    return removed;
  }

  private async readVersion(model: string, version: string, aliases: Record<string, string>): Promise<ModelVersion> {
    const record = await this.readRecord(model, version);
    const manifest = await readFile(this.layout.manifestFile(model, version));
    const actual = sha256Hex(manifest);
    if (actual !== record.artifactSha256) throw new ChecksumMismatchError(model, version, 'manifest.json', record.artifactSha256, actual);
    const files = parseManifest(manifest, this.layout.manifestFile(model, version));
    const pointing = Object.keys(aliases).filter((alias) => aliases[alias] === version);
    return this.toModelVersion(record, files, pointing);
  }

  private async readRecord(model: string, version: string): Promise<VersionRecord> {
    const location = this.layout.recordFile(model, version);
    if (!isAllocatedVersion(version)) {
      await this.assertModelExists(model);
      throw new VersionNotFoundError(model, version);
    }
    let text: string;
    try {
      text = await readFile(location, 'utf8');
    } catch (error) {
      if (!isMissing(error)) throw error;
      await this.assertModelExists(model);
      throw new VersionNotFoundError(model, version);
    }
    const record = parseRecord(text, location);
    if (record.model !== model || record.version !== version) throw new RegistryCorruptError(location, 'model or version does not match its folder');
    return record;
  }

  private async assertModelExists(model: string): Promise<void> {
    const found = await stat(this.layout.modelDir(model)).catch(() => undefined);
    if (!found?.isDirectory()) throw new ModelNotFoundError(model);
  }

  private toModelVersion(record: VersionRecord, files: ManifestEntry[], aliases: string[]): ModelVersion {
    const { model, version } = record;
    return {
      model,
      version,
      createdAt: record.createdAt,
      metrics: record.metrics,
      params: record.params,
      tags: record.tags,
      lineage: record.lineage,
      ...(record.description !== undefined && { description: record.description }),
      artifact: { uri: pathToFileURL(this.layout.artifactDir(model, version)).href, sha256: record.artifactSha256 },
      baselineProfile: { uri: pathToFileURL(this.layout.profileFile(model, version)).href, sha256: record.baselineProfileSha256 },
      files,
      aliases,
    };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
