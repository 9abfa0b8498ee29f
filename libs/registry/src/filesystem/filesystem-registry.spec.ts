import { uniqueName } from '@mlops/testing';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineRegistryContract } from '../__tests__/registry.contract';
import { versionInput, writeSavedModel } from '../__tests__/saved-model.fixture';
import { ChecksumMismatchError } from '../errors/checksum-mismatch.error';
import { InvalidNameError } from '../errors/invalid-name.error';
import { RegistryCorruptError } from '../errors/registry-corrupt.error';
import { FilesystemRegistry } from './filesystem-registry';

defineRegistryContract('FilesystemRegistry', async () => {
  const root = await mkdtemp(join(tmpdir(), 'fs-registry-'));
  const registry = new FilesystemRegistry({ root });
  return {
    registry,
    tamper: (model, version, path, bytes) => writeFile(join(registry.layout.artifactDir(model, version), path), bytes),
    close: () => rm(root, { recursive: true, force: true }),
  };
});

describe('FilesystemRegistry — storage', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'fs-registry-'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('lays a version out as version.json, manifest.json, baseline-profile.json and artifact/', async () => {
    const registry = new FilesystemRegistry({ root: join(work, 'root'), now: () => new Date('2026-11-27T10:00:00.000Z') });
    await writeSavedModel(join(work, 'src'));
    await registry.createVersion(versionInput('loan-approval', join(work, 'src')));
    await registry.setAlias('loan-approval', 'champion', '1');

    const model = join(work, 'root', 'models', 'loan-approval');
    expect((await readdir(join(model, 'versions', '1'))).sort()).toEqual(['artifact', 'baseline-profile.json', 'manifest.json', 'version.json']);
    expect(await readdir(join(model, 'aliases'))).toEqual(['champion.json']);
    expect(JSON.parse(await readFile(join(model, 'aliases', 'champion.json'), 'utf8'))).toEqual({
      version: '1',
      updatedAt: '2026-11-27T10:00:00.000Z',
    });
    const record = JSON.parse(await readFile(join(model, 'versions', '1', 'version.json'), 'utf8'));
    expect(record).toMatchObject({ schemaVersion: 1, model: 'loan-approval', version: '1', createdAt: '2026-11-27T10:00:00.000Z' });
    // Nothing is left in staging after a successful registration.
    expect(await readdir(join(work, 'root', 'staging'))).toEqual([]);
  });

  it('checks names before touching the disk: the root is never created', async () => {
    const root = join(work, 'never-created');
    const registry = new FilesystemRegistry({ root });
    await writeSavedModel(join(work, 'src'));
    await expect(registry.createVersion(versionInput('../escape', join(work, 'src')))).rejects.toThrow(InvalidNameError);
    await expect(registry.setAlias('ok', '../../etc', '1')).rejects.toThrow(InvalidNameError);
    await expect(stat(root)).rejects.toThrow(/ENOENT/);
  });

  it('ignores a half-written version left in staging by a crash, and numbers on without a gap', async () => {
    const registry = new FilesystemRegistry({ root: join(work, 'root') });
    await writeSavedModel(join(work, 'src'));
    await registry.createVersion(versionInput('m', join(work, 'src')));

    // What a writer killed mid-copy leaves: a staging folder with some of the files.
    const crashed = join(work, 'root', 'staging', 'm.crashed');
    await mkdir(join(crashed, 'artifact'), { recursive: true });
    await writeFile(join(crashed, 'artifact', 'weights.bin'), 'partial');

    expect((await registry.listVersions('m')).map((v) => v.version)).toEqual(['1']);
    expect((await registry.createVersion(versionInput('m', join(work, 'src')))).version).toBe('2');

    const old = new Date(Date.now() - 2 * 3600_000);
    await utimes(crashed, old, old);
    expect(await registry.sweepStaging(3600_000)).toBe(1);
    expect(await readdir(join(work, 'root', 'staging'))).toEqual([]);
  });

  it('detects a tampered manifest and a damaged record on read', async () => {
    const registry = new FilesystemRegistry({ root: join(work, 'root') });
    await writeSavedModel(join(work, 'src'));
    await registry.createVersion(versionInput('m', join(work, 'src')));
    await registry.createVersion(versionInput('m', join(work, 'src')));

    await writeFile(registry.layout.manifestFile('m', '1'), '{"algorithm":"sha256","files":[]}');
    await expect(registry.getVersion('m', '1')).rejects.toThrow(ChecksumMismatchError);
    await writeFile(registry.layout.recordFile('m', '2'), '{ not json');
    await expect(registry.getVersion('m', '2')).rejects.toThrow(RegistryCorruptError);
  });

  it('detects a tampered baseline profile', async () => {
    const registry = new FilesystemRegistry({ root: join(work, 'root') });
    await writeSavedModel(join(work, 'src'));
    await registry.createVersion(versionInput('m', join(work, 'src')));
    await writeFile(registry.layout.profileFile('m', '1'), '{"rows":1}');
    await expect(registry.getBaselineProfile('m', '1')).rejects.toThrow(ChecksumMismatchError);
  });

  it('keeps models apart', async () => {
    const registry = new FilesystemRegistry({ root: join(work, 'root') });
    await writeSavedModel(join(work, 'src'));
    await registry.createVersion(versionInput(uniqueName('a'), join(work, 'src')));
    const b = uniqueName('b');
    expect((await registry.createVersion(versionInput(b, join(work, 'src')))).version).toBe('1');
  });
});
