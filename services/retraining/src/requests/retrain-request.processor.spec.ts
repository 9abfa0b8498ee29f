import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RetrainRequest } from '@mlops/contracts';
import { RetriableError, type ConsumedMessage } from '@mlops/kafka';
import { selectBackend } from '@mlops/model';
import { createLogger } from '@mlops/observability';
import { FilesystemRegistry, ModelAlias } from '@mlops/registry';
import { loanExamples, registerTestModel } from '@mlops/testing';
import { HandledRequests } from '../state/handled-requests';
import { DEFAULT_RETRAIN_SETTINGS, type RetrainOutcome } from '@mlops/lifecycle';
import { RetrainRequestProcessor } from './retrain-request.processor';

// The processor with a real filesystem registry and real (small) trainings; Kafka is replaced by
// an in-memory window reader and a publish function.
jest.setTimeout(120_000);
const logger = createLogger({ name: 'processor-spec', level: 'silent' });
const settings = { ...DEFAULT_RETRAIN_SETTINGS, minRows: 100, training: { hiddenUnits: [8], maxEpochs: 8, learningRate: 0.02 } };

const request = (requestId: string, model: string, minute = 0): RetrainRequest => ({
  schemaVersion: 1,
  requestId,
  model,
  reason: 'concept_drift',
  dataWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' },
  requestedAt: `2026-01-02T00:${String(minute).padStart(2, '0')}:00.000Z`,
});
const message = (value: unknown, offset = 0): ConsumedMessage => ({
  topic: 'retrain.requests',
  partition: 0,
  offset: String(offset),
  key: null,
  value: Buffer.from(JSON.stringify(value)),
  headers: {},
  timestamp: '0',
});

describe('RetrainRequestProcessor', () => {
  let root: string;
  let registry: FilesystemRegistry;
  let published: RetrainOutcome[];
  let failPublish: boolean;
  let handled: HandledRequests;
  let processor: RetrainRequestProcessor;
  const outcomes: string[] = [];

  beforeAll(async () => {
    await selectBackend('wasm');
    root = await mkdtemp(path.join(os.tmpdir(), 'retrain-processor-spec-'));
    registry = new FilesystemRegistry({ root: path.join(root, 'registry') });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const windowsRead: string[] = [];
  beforeEach(() => {
    windowsRead.length = 0;
    published = [];
    failPublish = false;
    handled = new HandledRequests(86_400_000);
    outcomes.length = 0;
    processor = new RetrainRequestProcessor({
      registry,
      readWindow: async (model, window) => {
        windowsRead.push(`${window.from}/${window.to}`);
        return { examples: model === 'empty' ? [] : loanExamples(300, 9), offsets: [], scanned: 300, matched: 300, invalid: 0, duplicates: 0 };
      },
      mixRatio: 0.5,
      publish: async (outcome) => {
        if (failPublish) throw new RetriableError('broker down');
        published.push(outcome);
      },
      handled,
      externalModels: new Set(['external']),
      settings,
      workDir: path.join(root, 'work'),
      logger,
      observer: { outcome: (_m, o) => outcomes.push(o), stage: () => undefined, trainingRows: () => undefined },
    });
  });

  it('trains once per request id, across chunks', async () => {
    expect(await processor.handleChunk([message(request('r1', 'once'))])).toEqual([{ status: 'handled' }]);
    expect(await processor.handleChunk([message(request('r1', 'once')), message(request('r1', 'once'))])).toHaveLength(2);
    expect(published.map((o) => [o.kind, o.event.model])).toEqual([['registered', 'once']]);
    expect(await registry.listVersions('once')).toHaveLength(1);
    expect(outcomes).toEqual(['registered', 'duplicate', 'duplicate']);
  });

  it('coalesces the requests of one model in a chunk into one training for the newest', async () => {
    await processor.handleChunk([message(request('c1', 'coalesce', 1)), message(request('c2', 'coalesce', 2))]);
    expect(published).toHaveLength(1);
    expect(published[0].event).toMatchObject({ version: '1', lineage: { requestId: 'c2' } });
    expect(handled.has('c1') && handled.has('c2')).toBe(true);
    expect((await registry.getVersion('coalesce', '1')).tags.coalesced_request_ids).toBe('c1');
  });

  it('answers a request without data with ModelRejected, and dead-letters an invalid one', async () => {
    const result = await processor.handleChunk([message(request('e1', 'empty')), message({ requestId: 'x' })]);
    expect(result[0]).toEqual({ status: 'handled' });
    expect(result[1]).toMatchObject({ status: 'rejected', error: { message: expect.stringMatching(/^invalid RetrainRequest/) } });
    expect(published.map((o) => o.event)).toEqual([expect.objectContaining({ reason: 'insufficient_data', requestId: 'e1', detail: expect.stringMatching(/^0 labeled row/) })]);
  });

  it('publishes the version of a request whose event was lost instead of training again', async () => {
    failPublish = true;
    await expect(processor.handleChunk([message(request('lost', 'recover'))])).rejects.toThrow(RetriableError);
    expect(handled.has('lost')).toBe(false);
    failPublish = false;
    await processor.handleChunk([message(request('lost', 'recover'))]);
    expect(published.map((o) => o.event)).toEqual([expect.objectContaining({ version: '1', lineage: expect.objectContaining({ requestId: 'lost' }) })]);
    expect(await registry.listVersions('recover')).toHaveLength(1);
  });

  it('mixes in a sample of the champion\'s own training window, before the request\'s', async () => {
    const champion = await registerTestModel(registry, 'mixed', { seed: 2, rows: 300 });
    await registry.setAlias('mixed', ModelAlias.Champion, champion.version);
    const later = { ...request('m1', 'mixed'), dataWindow: { from: '2026-01-02T00:00:00.000Z', to: '2026-01-03T00:00:00.000Z' } };
    await processor.handleChunk([message(later)]);
    expect(windowsRead).toEqual(['2026-01-02T00:00:00.000Z/2026-01-03T00:00:00.000Z', '2026-01-01T00:00:00.000Z/2026-01-02T00:00:00.000Z']);
    const version = await registry.getVersion('mixed', '2');
    expect(version.params).toMatchObject({ rows: '300', baseRows: '150', trainRows: '390', holdoutRows: '60' });
    // A request over the champion's own window has nothing older to mix in.
    await processor.handleChunk([message(request('m2', 'mixed'))]);
    expect((await registry.getVersion('mixed', '3')).params.baseRows).toBe('0');
  });

  it('hands requests of externally trained models off without training', async () => {
    await processor.handleChunk([message(request('x1', 'external'))]);
    expect(published).toEqual([]);
    expect(outcomes).toEqual(['external_trainer']);
  });

  it('hands off a model whose champion is tagged trainer=external, without it being configured', async () => {
    const source = await mkdtemp(path.join(root, 'monitoring-only-'));
    await writeFile(path.join(source, 'monitoring-only.json'), '{}');
    const version = await registry.createVersion({
      model: 'partner',
      sourceDir: source,
      metrics: { accuracy: 0.9 },
      tags: { trainer: 'external' },
      baselineProfile: {},
      lineage: { requestId: 'baseline', dataWindow: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' } },
    });
    await registry.setAlias('partner', ModelAlias.Champion, version.version);
    await processor.handleChunk([message(request('p1', 'partner'))]);
    expect(published).toEqual([]);
    expect(windowsRead).toEqual([]);
    expect(outcomes).toEqual(['external_trainer']);
  });
});
