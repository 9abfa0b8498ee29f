import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { catchAsyncError } from '../__tests__/catch-error';
import { binaryExamples, FAST } from '../__tests__/synthetic-examples';
import { selectBackend } from '../backend/select-backend';
import {
  ChecksumMismatchError,
  MissingArtifactFileError,
  ModelDirectoryExistsError,
  ModelFormatError,
  UnexpectedArtifactFileError,
} from '../errors';
import type { TabularModel } from '../model/tabular-model';
import { trainTabularModel } from '../training/train-tabular-model';
import { buildManifest } from './manifest';
import { loadTabularModel } from './load-model';
import { saveTabularModel, SavedModel } from './save-model';
import { sha256Hex } from './sha256';

describe('saveTabularModel / loadTabularModel', () => {
  const data = binaryExamples(200);
  const rows = data.map((e) => e.features);
  const window = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z' };
  let root: string;
  let model: TabularModel;
  let saved: SavedModel;

  beforeAll(async () => {
    await selectBackend('wasm');
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'mlops-model-'));
    model = await trainTabularModel(data, { task: 'binary', ...FAST, maxEpochs: 5, dataWindow: window });
    saved = await saveTabularModel(model, path.join(root, 'v1'));
  });
  afterAll(async () => {
    model.dispose();
    await fs.rm(root, { recursive: true, force: true });
  });

  /** A copy of the saved directory to damage. */
  async function copy(name: string): Promise<string> {
    const dir = path.join(root, name);
    await fs.cp(saved.directory, dir, { recursive: true });
    return dir;
  }

  it('writes the documented layout, with a manifest of every file and nothing left behind', async () => {
    expect((await fs.readdir(saved.directory)).sort()).toEqual([
      'baseline-profile.json',
      'manifest.json',
      'metadata.json',
      'model.json',
      'preprocessing.json',
      'weights.bin',
    ]);
    expect(await fs.readdir(root)).toEqual(['v1']);
    for (const entry of saved.manifest.files) {
      expect(sha256Hex(await fs.readFile(path.join(saved.directory, entry.path)))).toBe(entry.sha256);
    }
    expect(saved.sha256).toBe(sha256Hex(await fs.readFile(path.join(saved.directory, 'manifest.json'))));
    const modelJson = JSON.parse(await fs.readFile(path.join(saved.directory, 'model.json'), 'utf8'));
    expect(modelJson.weightsManifest).toEqual([{ paths: ['weights.bin'], weights: expect.any(Array) }]);
    expect(modelJson.format).toBe('layers-model');
    const metadata = JSON.parse(await fs.readFile(path.join(saved.directory, 'metadata.json'), 'utf8'));
    expect(metadata).toMatchObject({ task: 'binary', features: model.schema, training: { dataWindow: window }, metrics: model.metrics });
    expect(Object.keys(metadata.versions)).toEqual(['tfjs', 'tfjsBackendWasm', 'node']);
  });

  it('loads back a model that predicts exactly the same, with its metadata and baseline', async () => {
    const loaded = await loadTabularModel(saved.directory, { expectedSha256: saved.sha256 });
    expect(Array.from(await loaded.predictOutputs(rows))).toEqual(Array.from(await model.predictOutputs(rows)));
    expect(loaded.metadata).toEqual(model.metadata);
    // Specs and counts, not the JSON: drift-stats re-normalises its exact sums on restore
    // (same value, different expansion terms).
    expect(loaded.baseline.specs).toEqual(model.baseline.specs);
    expect(loaded.baseline.rows).toBe(model.baseline.rows);
    loaded.dispose();
  });

  it('never overwrites', async () => {
    expect(await catchAsyncError(() => saveTabularModel(model, saved.directory))).toBeInstanceOf(ModelDirectoryExistsError);
  });

  it('refuses a tampered file', async () => {
    const dir = await copy('tampered');
    const weights = await fs.readFile(path.join(dir, 'weights.bin'));
    weights[0] ^= 1;
    await fs.writeFile(path.join(dir, 'weights.bin'), weights);
    expect(await catchAsyncError(() => loadTabularModel(dir))).toMatchObject({ constructor: ChecksumMismatchError, file: 'weights.bin', problem: 'checksum-mismatch' });
  });

  it('refuses a missing file, a missing manifest and a missing directory', async () => {
    const dir = await copy('missing');
    await fs.rm(path.join(dir, 'preprocessing.json'));
    expect(await catchAsyncError(() => loadTabularModel(dir))).toMatchObject({ constructor: MissingArtifactFileError, file: 'preprocessing.json' });
    await fs.rm(path.join(dir, 'manifest.json'));
    expect(await catchAsyncError(() => loadTabularModel(dir))).toMatchObject({ constructor: MissingArtifactFileError, file: 'manifest.json' });
    expect(await catchAsyncError(() => loadTabularModel(path.join(root, 'nowhere')))).toBeInstanceOf(MissingArtifactFileError);
  });

  it('refuses an extra file or directory', async () => {
    const dir = await copy('extra');
    await fs.writeFile(path.join(dir, 'notes.txt'), 'hello');
    expect(await catchAsyncError(() => loadTabularModel(dir))).toMatchObject({ constructor: UnexpectedArtifactFileError, file: 'notes.txt' });
    await fs.rm(path.join(dir, 'notes.txt'));
    await fs.mkdir(path.join(dir, 'sub'));
    expect(await catchAsyncError(() => loadTabularModel(dir))).toMatchObject({ constructor: UnexpectedArtifactFileError, file: 'sub' });
  });

  it('refuses a manifest other than the one the registry recorded', async () => {
    expect(await catchAsyncError(() => loadTabularModel(saved.directory, { expectedSha256: '0'.repeat(64) }))).toBeInstanceOf(ModelFormatError);
  });

  it('refuses consistent checksums over inconsistent files (a re-signed, edited metadata.json)', async () => {
    const dir = await copy('resigned');
    const metadata = JSON.parse(await fs.readFile(path.join(dir, 'metadata.json'), 'utf8'));
    await fs.writeFile(path.join(dir, 'metadata.json'), JSON.stringify({ ...metadata, task: 'regression' }));
    const files = new Map<string, Uint8Array>();
    for (const f of saved.manifest.files) files.set(f.path, await fs.readFile(path.join(dir, f.path)));
    await fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(buildManifest(files)));
    expect(await catchAsyncError(() => loadTabularModel(dir))).toMatchObject({ constructor: ModelFormatError, file: 'preprocessing.json' });
  });
});
