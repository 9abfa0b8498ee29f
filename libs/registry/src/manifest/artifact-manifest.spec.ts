import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidVersionInputError } from '../errors/invalid-version-input.error';
import { RegistryCorruptError } from '../errors/registry-corrupt.error';
import { parseManifest, serializeManifest, sha256Hex } from './artifact-manifest';
import { listArtifactFiles } from './list-artifact-files';

const entry = (path: string, content: string) => ({ path, size: Buffer.byteLength(content), sha256: sha256Hex(content) });

describe('artifact manifest', () => {
  it('has the sha256 that sha256sum prints', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('serializes the same files to the same bytes whatever their order', () => {
    const a = serializeManifest([entry('b.bin', 'b'), entry('a/x.json', 'x')]);
    const b = serializeManifest([entry('a/x.json', 'x'), entry('b.bin', 'b')]);
    expect(a.equals(b)).toBe(true);
    expect(JSON.parse(a.toString())).toEqual({ algorithm: 'sha256', files: [entry('a/x.json', 'x'), entry('b.bin', 'b')] });
    expect(parseManifest(a, 'test')).toEqual([entry('a/x.json', 'x'), entry('b.bin', 'b')]);
  });

  it.each([
    ['not JSON', '{'],
    ['a path escaping the folder', JSON.stringify({ algorithm: 'sha256', files: [entry('../evil', 'x')] })],
    ['an absolute path', JSON.stringify({ algorithm: 'sha256', files: [entry('/etc/cron.d/x', 'x')] })],
    ['a bad digest', JSON.stringify({ algorithm: 'sha256', files: [{ path: 'a', size: 1, sha256: 'zz' }] })],
    ['duplicate paths', JSON.stringify({ algorithm: 'sha256', files: [entry('a', 'x'), entry('a', 'x')] })],
    ['another algorithm', JSON.stringify({ algorithm: 'md5', files: [] })],
  ])('refuses a manifest with %s', (_what, text) => {
    expect(() => parseManifest(Buffer.from(text), 'test')).toThrow(RegistryCorruptError);
  });
});

describe('listArtifactFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'list-files-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists regular files recursively as sorted POSIX paths', async () => {
    await mkdir(join(dir, 'b', 'c'), { recursive: true });
    await mkdir(join(dir, 'empty'));
    await writeFile(join(dir, 'z.json'), '1');
    await writeFile(join(dir, 'b', 'c', 'w.bin'), '2');
    await writeFile(join(dir, 'a.txt'), '3');
    expect(await listArtifactFiles(dir)).toEqual(['a.txt', 'b/c/w.bin', 'z.json']);
  });

  it('refuses symlinks, a missing folder and a folder without files', async () => {
    await expect(listArtifactFiles(join(dir, 'missing'))).rejects.toThrow(InvalidVersionInputError);
    await expect(listArtifactFiles(dir)).rejects.toThrow(/contains no files/);
    await writeFile(join(dir, 'real'), 'x');
    await symlink(join(dir, 'real'), join(dir, 'link'));
    await expect(listArtifactFiles(dir)).rejects.toThrow(/not a regular file/);
  });
});
