import { uniqueName } from '@mlops/testing';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AliasNotFoundError } from '../errors/alias-not-found.error';
import { ChecksumMismatchError } from '../errors/checksum-mismatch.error';
import { DestinationNotEmptyError } from '../errors/destination-not-empty.error';
import { InvalidNameError } from '../errors/invalid-name.error';
import { InvalidVersionInputError } from '../errors/invalid-version-input.error';
import { ModelNotFoundError } from '../errors/model-not-found.error';
import { VersionNotFoundError } from '../errors/version-not-found.error';
import { serializeManifest, sha256Hex } from '../manifest/artifact-manifest';
import type { ModelRegistry } from '../registry/model-registry';
import { versionInput, writeSavedModel } from './saved-model.fixture';

export interface RegistryHarness {
  registry: ModelRegistry;
  /** Overwrites one stored artifact file behind the registry's back (bit rot, or an attacker). */
  tamper(model: string, version: string, path: string, bytes: Buffer): Promise<void>;
  close?(): Promise<void>;
}

const BAD_MODEL_NAMES = ['../x', '..', 'a/b', 'a\\b', '', '.hidden', '/abs', 'x'.repeat(129)];
const BAD_ALIASES = ['../champion', 'Champion', 'latest', 'v1', '', 'a/b'];

/**
 * The behaviour every ModelRegistry must have, run against each implementation with the same
 * assertions. Each test uses its own model name, so a shared server needs no cleaning.
 */
export function defineRegistryContract(name: string, setup: () => Promise<RegistryHarness>): void {
  describe(`${name} — ModelRegistry contract`, () => {
    let harness: RegistryHarness;
    let registry: ModelRegistry;
    let work: string;

    beforeAll(async () => {
      harness = await setup();
      registry = harness.registry;
      work = await mkdtemp(join(tmpdir(), 'registry-contract-'));
    });
    afterAll(async () => {
      await harness?.close?.();
      await rm(work, { recursive: true, force: true });
    });

    async function savedModel(seed: string): Promise<{ dir: string; files: Record<string, Buffer> }> {
      const dir = join(work, uniqueName(seed));
      return { dir, files: await writeSavedModel(dir, seed) };
    }

    it('creates versions 1 and 2 and reads back exactly what was stored', async () => {
      const model = uniqueName('contract');
      const first = await savedModel('first');
      const v1 = await registry.createVersion(versionInput(model, first.dir));
      expect(v1).toMatchObject({
        model,
        version: '1',
        metrics: { accuracy: 0.91, f1: 0.875 },
        params: { epochs: '20', learning_rate: '0.001', early_stopping: 'true', backend: 'wasm' },
        tags: { trainer: 'retraining', 'drift type': 'concept' },
        lineage: versionInput(model, first.dir).lineage,
        description: 'challenger trained after concept drift',
        aliases: [],
      });
      expect(Date.parse(v1.createdAt)).not.toBeNaN();
      expect(await registry.getVersion(model, '1')).toEqual(v1);

      const second = await savedModel('second');
      const v2 = await registry.createVersion(
        versionInput(model, second.dir, { lineage: { ...versionInput(model, second.dir).lineage, parentVersion: '1', requestId: 'req-0002' } }),
      );
      expect(v2.version).toBe('2');
      expect(v2.lineage.parentVersion).toBe('1');
      const listed = await registry.listVersions(model);
      expect(listed.map((v) => v.version)).toEqual(['1', '2']);
      expect(listed[0]).toEqual(v1);
      expect(listed[1]).toEqual(v2);
    });

    it('records every file with its size and sha256; the artifact digest is that of the manifest', async () => {
      const model = uniqueName('contract');
      const { dir, files } = await savedModel('manifest');
      const created = await registry.createVersion(versionInput(model, dir));
      expect(created.files).toEqual(
        Object.keys(files)
          .sort()
          .map((path) => ({ path, size: files[path]!.length, sha256: sha256Hex(files[path]!) })),
      );
      expect(created.artifact.sha256).toBe(sha256Hex(serializeManifest(created.files)));
      expect(created.artifact.uri).toMatch(/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/);
      expect(created.baselineProfile.sha256).toBe(sha256Hex(JSON.stringify(versionInput(model, dir).baselineProfile)));
    });

    it('downloads a version byte for byte, into a new or an empty folder', async () => {
      const model = uniqueName('contract');
      const { dir, files } = await savedModel('download');
      await registry.createVersion(versionInput(model, dir));

      const destination = join(work, uniqueName('dest'), 'nested', 'model');
      const downloaded = await registry.downloadVersion(model, '1', destination);
      expect(downloaded).toMatchObject({ model, version: '1', directory: destination });
      for (const [path, bytes] of Object.entries(files)) expect(await readFile(join(destination, path))).toEqual(bytes);

      const empty = join(work, uniqueName('empty'));
      await mkdir(empty);
      await registry.downloadVersion(model, '1', empty);
      expect((await readdir(empty)).sort()).toEqual(['metadata.json', 'model.json', 'preprocessing', 'weights.bin']);
    });

    it('refuses to download into a folder that has files, and leaves them alone', async () => {
      const model = uniqueName('contract');
      const { dir } = await savedModel('occupied');
      await registry.createVersion(versionInput(model, dir));
      const occupied = join(work, uniqueName('occupied'));
      await mkdir(occupied);
      await writeFile(join(occupied, 'keep.txt'), 'mine');
      await expect(registry.downloadVersion(model, '1', occupied)).rejects.toThrow(DestinationNotEmptyError);
      expect(await readdir(occupied)).toEqual(['keep.txt']);
    });

    it('returns the baseline profile stored with a version', async () => {
      const model = uniqueName('contract');
      const { dir } = await savedModel('profile');
      await registry.createVersion(versionInput(model, dir));
      expect(await registry.getBaselineProfile(model, '1')).toEqual(versionInput(model, dir).baselineProfile);
    });

    it('sets, moves, reads, lists and deletes aliases', async () => {
      const model = uniqueName('contract');
      await registry.createVersion(versionInput(model, (await savedModel('a1')).dir));
      await registry.createVersion(versionInput(model, (await savedModel('a2')).dir));

      await registry.setAlias(model, 'champion', '1');
      await registry.setAlias(model, 'challenger', '2');
      expect((await registry.getAlias(model, 'champion')).version).toBe('1');
      expect(await registry.listAliases(model)).toEqual({ champion: '1', challenger: '2' });
      expect((await registry.getVersion(model, '1')).aliases).toEqual(['champion']);

      await registry.setAlias(model, 'champion', '2');
      expect((await registry.getAlias(model, 'champion')).version).toBe('2');
      expect((await registry.getVersion(model, '2')).aliases).toEqual(['challenger', 'champion']);
      expect((await registry.getVersion(model, '1')).aliases).toEqual([]);

      await registry.deleteAlias(model, 'challenger');
      await expect(registry.getAlias(model, 'challenger')).rejects.toThrow(AliasNotFoundError);
      await expect(registry.deleteAlias(model, 'challenger')).rejects.toThrow(AliasNotFoundError);
      expect(await registry.listAliases(model)).toEqual({ champion: '2' });
    });

    it('answers unknown models, versions and aliases with typed not-found errors', async () => {
      const missing = uniqueName('missing');
      await expect(registry.getVersion(missing, '1')).rejects.toThrow(ModelNotFoundError);
      await expect(registry.listVersions(missing)).rejects.toThrow(ModelNotFoundError);
      await expect(registry.listAliases(missing)).rejects.toThrow(ModelNotFoundError);
      await expect(registry.getAlias(missing, 'champion')).rejects.toThrow(ModelNotFoundError);
      await expect(registry.setAlias(missing, 'champion', '1')).rejects.toThrow(ModelNotFoundError);

      const model = uniqueName('contract');
      await registry.createVersion(versionInput(model, (await savedModel('nf')).dir));
      await expect(registry.getVersion(model, '2')).rejects.toThrow(VersionNotFoundError);
      await expect(registry.getVersion(model, 'abc')).rejects.toThrow(VersionNotFoundError);
      await expect(registry.getBaselineProfile(model, '7')).rejects.toThrow(VersionNotFoundError);
      await expect(registry.setAlias(model, 'champion', '9')).rejects.toThrow(VersionNotFoundError);
      await expect(registry.getAlias(model, 'champion')).rejects.toThrow(AliasNotFoundError);
      await expect(registry.deleteAlias(model, 'champion')).rejects.toThrow(AliasNotFoundError);

      const destination = join(work, uniqueName('never'));
      await expect(registry.downloadVersion(model, '5', destination)).rejects.toThrow(VersionNotFoundError);
      await expect(readdir(destination)).rejects.toThrow(/ENOENT/);
    });

    it('rejects model names and aliases with path characters, before doing anything', async () => {
      const { dir } = await savedModel('bad-names');
      for (const bad of BAD_MODEL_NAMES) {
        await expect(registry.createVersion(versionInput(bad, dir))).rejects.toThrow(InvalidNameError);
        await expect(registry.getVersion(bad, '1')).rejects.toThrow(InvalidNameError);
        await expect(registry.listVersions(bad)).rejects.toThrow(InvalidNameError);
        await expect(registry.setAlias(bad, 'champion', '1')).rejects.toThrow(InvalidNameError);
        await expect(registry.getAlias(bad, 'champion')).rejects.toThrow(InvalidNameError);
        await expect(registry.deleteAlias(bad, 'champion')).rejects.toThrow(InvalidNameError);
        await expect(registry.listAliases(bad)).rejects.toThrow(InvalidNameError);
        await expect(registry.downloadVersion(bad, '1', join(work, 'x'))).rejects.toThrow(InvalidNameError);
        await expect(registry.getBaselineProfile(bad, '1')).rejects.toThrow(InvalidNameError);
      }
      for (const bad of ['../1', '1/2', '']) await expect(registry.getVersion('fine', bad)).rejects.toThrow(InvalidNameError);
      for (const bad of BAD_ALIASES) await expect(registry.setAlias('fine', bad, '1')).rejects.toThrow(InvalidNameError);
    });

    it('rejects invalid version input and stores nothing', async () => {
      const model = uniqueName('contract');
      const { dir } = await savedModel('bad-input');
      const lineage = versionInput(model, dir).lineage;
      const invalid = [
        versionInput(model, dir, { metrics: { accuracy: Number.NaN } }),
        versionInput(model, dir, { metrics: { '1bad': 1 } }),
        versionInput(model, dir, { tags: { 'mlflow.user': 'x' } }),
        versionInput(model, dir, { params: { 'mlops.x': 'y' } }),
        versionInput(model, dir, { lineage: { ...lineage, dataWindow: { from: lineage.dataWindow.to, to: lineage.dataWindow.from } } }),
        versionInput(model, dir, { lineage: { ...lineage, kafkaOffsets: [{ topic: 't', partition: 0, fromOffset: '9', toOffset: '1' }] } }),
        versionInput(model, join(work, 'does-not-exist')),
      ];
      for (const input of invalid) await expect(registry.createVersion(input)).rejects.toThrow(InvalidVersionInputError);

      const empty = join(work, uniqueName('empty-model'));
      await mkdir(join(empty, 'only-a-folder'), { recursive: true });
      await expect(registry.createVersion(versionInput(model, empty))).rejects.toThrow(InvalidVersionInputError);

      const linked = await savedModel('linked');
      await symlink('/etc/hostname', join(linked.dir, 'escape.txt'));
      await expect(registry.createVersion(versionInput(model, linked.dir))).rejects.toThrow(InvalidVersionInputError);

      await expect(registry.getVersion(model, '1')).rejects.toThrow(/not in the registry|has no version/);
    });

    it('refuses a tampered artifact: checksum error, nothing left at the destination', async () => {
      const model = uniqueName('contract');
      const { dir, files } = await savedModel('tamper');
      await registry.createVersion(versionInput(model, dir));
      const corrupted = Buffer.from(files['weights.bin']!);
      corrupted[1234] = corrupted[1234]! ^ 0xff;
      await harness.tamper(model, '1', 'weights.bin', corrupted);

      const parent = join(work, uniqueName('tampered'));
      await mkdir(parent);
      const error = await registry.downloadVersion(model, '1', join(parent, 'model')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChecksumMismatchError);
      expect(error).toMatchObject({ retriable: false, file: 'weights.bin', expected: sha256Hex(files['weights.bin']!), actual: sha256Hex(corrupted) });
      // Neither the destination nor a temporary sibling survives.
      expect(await readdir(parent)).toEqual([]);
    });
  });
}
