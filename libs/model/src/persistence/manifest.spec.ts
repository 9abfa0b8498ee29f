import { catchError } from '../__tests__/catch-error';
import { ChecksumMismatchError, MissingArtifactFileError, ModelFormatError, UnexpectedArtifactFileError } from '../errors';
import { REQUIRED_FILES } from './artifact-files';
import { buildManifest, parseManifest, verifyAgainstManifest } from './manifest';

const files = new Map(REQUIRED_FILES.map((name) => [name, Buffer.from(`content of ${name}`)]));

describe('manifest', () => {
  it('lists every file with size and sha256, sorted, and parses back', () => {
    const m = buildManifest(new Map([['b.txt', Buffer.from('abc')], ...files]));
    expect(m.files.map((f) => f.path)).toEqual([...m.files.map((f) => f.path)].sort());
    expect(m.files.find((f) => f.path === 'b.txt')).toEqual({
      path: 'b.txt',
      bytes: 3,
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
    expect(parseManifest(JSON.stringify(m))).toEqual(m);
  });

  it('verifies: passes intact files, names a tampered, missing or unexpected file', () => {
    const m = buildManifest(files);
    expect(() => verifyAgainstManifest(m, new Map([...files, ['manifest.json', Buffer.from('')]]), '/d')).not.toThrow();
    const tampered = new Map(files).set('weights.bin', Buffer.from('evil'));
    expect(catchError(() => verifyAgainstManifest(m, tampered, '/d'))).toMatchObject({ constructor: ChecksumMismatchError, file: 'weights.bin' });
    const missing = new Map(files);
    missing.delete('metadata.json');
    expect(catchError(() => verifyAgainstManifest(m, missing, '/d'))).toMatchObject({ constructor: MissingArtifactFileError, file: 'metadata.json' });
    const extra = new Map(files).set('payload.js', Buffer.from('x'));
    expect(catchError(() => verifyAgainstManifest(m, extra, '/d'))).toMatchObject({ constructor: UnexpectedArtifactFileError, file: 'payload.js' });
    const directory = new Map<string, Uint8Array | undefined>(files).set('model.json', undefined);
    expect(catchError(() => verifyAgainstManifest(m, directory, '/d'))).toBeInstanceOf(MissingArtifactFileError);
  });

  it('refuses a manifest that is not ours, lacks a required file or escapes the directory', () => {
    expect(() => parseManifest('{')).toThrow(ModelFormatError);
    const m = buildManifest(files);
    expect(() => parseManifest(JSON.stringify({ ...m, files: m.files.filter((f) => f.path !== 'weights.bin') }))).toThrow(/does not list weights.bin/);
    const escape = { ...m, files: [...m.files, { path: '../x', bytes: 0, sha256: m.files[0].sha256 }] };
    expect(() => parseManifest(JSON.stringify(escape))).toThrow(/a plain file name/);
  });
});
