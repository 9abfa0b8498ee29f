import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '@mlops/observability';
import { FilesystemRegistry, ModelAlias } from '@mlops/registry';
import { loanExamples, registerTestModel } from '@mlops/testing';
import { selectBackend } from '@mlops/model';
import { findRegisteredVersion } from './find-registered-version';
import { DEFAULT_RETRAIN_SETTINGS } from './retrain-settings';
import { trainAndRegister, type TrainAndRegisterInput } from './train-and-register';

// Real training (tfjs on wasm, small network) and a real filesystem registry in a temp folder.
jest.setTimeout(120_000);
const logger = createLogger({ name: 'train-and-register-spec', level: 'silent' });
const dataWindow = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' };
const settings = { ...DEFAULT_RETRAIN_SETTINGS, minRows: 100, training: { hiddenUnits: [8], maxEpochs: 15, learningRate: 0.02 } };

describe('trainAndRegister', () => {
  let root: string;
  let registry: FilesystemRegistry;
  const input = (model: string, overrides: Partial<TrainAndRegisterInput> = {}): TrainAndRegisterInput => ({
    model,
    examples: loanExamples(400, 5),
    requestId: `req-${model}`,
    dataWindow,
    trigger: 'manual',
    settings,
    ...overrides,
  });
  const deps = () => ({ registry, workDir: path.join(root, 'work'), logger, now: () => new Date('2026-01-02T00:00:00Z') });

  beforeAll(async () => {
    await selectBackend('wasm');
    root = await mkdtemp(path.join(os.tmpdir(), 'retraining-spec-'));
    registry = new FilesystemRegistry({ root: path.join(root, 'registry') });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('registers a first version with metrics, params, tags, baseline profile and lineage', async () => {
    const stages: string[] = [];
    const outcome = await trainAndRegister(input('first', { kafkaOffsets: [{ topic: 'predictions.labeled', partition: 0, fromOffset: '0', toOffset: '400' }] }), {
      ...deps(),
      onStage: (stage) => stages.push(stage),
    });
    expect(outcome.kind).toBe('registered');
    if (outcome.kind !== 'registered') return;
    expect(outcome.event).toMatchObject({ model: 'first', version: '1', lineage: { requestId: 'req-first', dataWindow }, comparison: { primaryMetric: 'accuracy', outperformsChampion: true } });
    expect(outcome.event.lineage.parentVersion).toBeUndefined();
    expect(outcome.event.comparison.challenger).toBeGreaterThan(0.7);
    const stored = await registry.getVersion('first', '1');
    expect(stored.lineage.kafkaOffsets).toHaveLength(1);
    expect(stored.params).toMatchObject({ task: 'binary', rows: '400', trainRows: '320', holdoutRows: '80', hiddenUnits: '8' });
    expect(stored.tags).toMatchObject({ trainer: 'retraining', trigger: 'manual', 'comparison.primary_metric': 'accuracy' });
    expect(await registry.getBaselineProfile('first', '1')).toMatchObject({ rows: 320 });
    expect((await registry.getAlias('first', ModelAlias.Challenger)).version).toBe('1');
    expect(stages).toEqual(['champion', 'train', 'evaluate', 'register']);
    expect(await findRegisteredVersion(registry, 'first', 'req-first')).toMatchObject({ version: '1', comparison: outcome.event.comparison });
    expect(await findRegisteredVersion(registry, 'first', 'other')).toBeUndefined();
    expect(await findRegisteredVersion(registry, 'unknown-model', 'req')).toBeUndefined();
  });

  it('evaluates the champion on the same held-out rows and names it as parent', async () => {
    const champion = await registerTestModel(registry, 'second', { seed: 3, rows: 300, flip: true });
    await registry.setAlias('second', ModelAlias.Champion, champion.version);
    const outcome = await trainAndRegister(input('second'), deps());
    if (outcome.kind !== 'registered') throw new Error(`expected a registration, got ${JSON.stringify(outcome.event)}`);
    expect(outcome.event.lineage.parentVersion).toBe(champion.version);
    expect(outcome.event.comparison).toMatchObject({ championVersion: champion.version, outperformsChampion: true });
    expect(outcome.event.comparison.champion).toBeLessThan(0.3);
  });

  it('rejects too few rows and a single class without registering anything', async () => {
    const few = await trainAndRegister(input('third', { examples: loanExamples(20, 1) }), deps());
    expect(few).toMatchObject({ kind: 'rejected', event: { reason: 'insufficient_data', requestId: 'req-third', detail: expect.stringMatching(/^20 labeled row\(s\) in \[.*\); at least 100/) } });
    const single = loanExamples(200, 1).map((e) => ({ ...e, label: 'approve' }));
    const one = await trainAndRegister(input('third', { examples: single }), deps());
    expect(one).toMatchObject({ kind: 'rejected', event: { reason: 'insufficient_data', detail: expect.stringMatching(/single class/) } });
    await expect(registry.listVersions('third')).rejects.toThrow(/not in the registry/);
  });

  it('rejects rows that cannot train as training_failed', async () => {
    const mixed = loanExamples(200, 1).map((e, i) => ({ ...e, features: { ...e.features, age: i % 2 ? 'old' : 30 } }));
    const outcome = await trainAndRegister(input('fourth', { examples: mixed }), deps());
    expect(outcome).toMatchObject({ kind: 'rejected', event: { reason: 'training_failed', detail: expect.stringMatching(/age/) } });
  });
});
