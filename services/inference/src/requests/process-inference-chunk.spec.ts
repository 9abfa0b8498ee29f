import type { ModelDeployed } from '@mlops/contracts';
import type { ConsumedMessage } from '@mlops/kafka';
import { silentLogger } from '@mlops/observability';
import { ModelNotServedError } from '../serving/model-not-served.error';
import { ModelServer } from '../serving/model-server';
import { ServedModel } from '../serving/served-model';
import { processInferenceChunk } from './process-inference-chunk';

// A stand-in model that accepts only a numeric `income`: this spec checks the chunk's bookkeeping
// (outcomes, records, rejections per model and version), not tfjs (the int-spec serves a real one).
const incomeModel = {
  predict: async (rows: readonly Record<string, unknown>[]) => rows.map((r) => Number(r.income) / 1000),
  validate: (features: Record<string, unknown>) => {
    if (typeof features.income !== 'number') throw new Error('feature "income" must be a number');
  },
  dispose: () => undefined,
  schema: [],
  task: 'regression' as const,
  classes: undefined,
};

const deployed = (model: string, version: string): ModelDeployed => ({
  schemaVersion: 1,
  model,
  version,
  artifact: { uri: `registry://${model}/${version}`, sha256: 'a'.repeat(64) },
  baselineProfile: { uri: `registry://${model}/${version}/baseline`, sha256: 'b'.repeat(64) },
  deployedAt: '2026-01-01T00:00:00.000Z',
});

let offset = 0;
const message = (value: string): ConsumedMessage => ({
  topic: 'inference.requests',
  partition: 0,
  offset: String(offset++),
  key: null,
  value: Buffer.from(value),
  headers: {},
  timestamp: String(Date.parse('2026-01-01T00:00:00.000Z')),
});
const request = (requestId: string, model: string, features: Record<string, unknown>) =>
  message(JSON.stringify({ schemaVersion: 1, requestId, model, features }));

async function serverWith(...versions: [string, string][]): Promise<ModelServer> {
  const server = new ModelServer(async (e) => new ServedModel(e.model, e.version, incomeModel, new Date()), silentLogger);
  for (const [model, version] of versions) await server.deploy(deployed(model, version));
  return server;
}

describe('processInferenceChunk', () => {
  it('serves the good requests of a chunk and counts rejections per model and version', async () => {
    const server = await serverWith(['loan', '3'], ['churn', '7']);
    const result = await processInferenceChunk(
      [
        request('a', 'loan', { income: 1000 }),
        request('b', 'loan', { income: 'lots' }),
        message('{not json'),
        request('c', 'churn', { income: 2000 }),
        request('d', 'churn', { income: true }),
        request('e', 'churn', { income: 'x' }),
      ],
      server,
      { now: () => new Date('2026-01-01T00:00:01.000Z'), batchSize: 64 },
    );

    expect(result.outcomes.map((o) => o.status)).toEqual(['handled', 'rejected', 'rejected', 'handled', 'rejected', 'rejected']);
    expect(result.records).toHaveLength(2);
    expect(result.batches.map((b) => [b.model, b.version, b.rows])).toEqual([
      ['loan', '3', 1],
      ['churn', '7', 1],
    ]);
    expect(result.rejected).toEqual(
      expect.arrayContaining([
        { model: 'unknown', version: 'unknown', count: 1 },
        { model: 'loan', version: '3', count: 1 },
        { model: 'churn', version: '7', count: 2 },
      ]),
    );
    expect(result.rejected).toHaveLength(3);
  });

  it('names the feature in the rejection and rejects a request for a version that is not served', async () => {
    const server = await serverWith(['loan', '3']);
    const result = await processInferenceChunk(
      [request('a', 'loan', { income: 'lots' }), message(JSON.stringify({ schemaVersion: 1, requestId: 'b', model: 'loan', modelVersion: '2', features: { income: 1 } }))],
      server,
      { now: () => new Date(), batchSize: 64 },
    );
    const errors = result.outcomes.map((o) => (o.status === 'rejected' ? (o.error as Error).message : ''));
    expect(errors[0]).toContain('income');
    expect(errors[1]).toContain('version 2 is not served');
    expect(result.rejected).toEqual([{ model: 'loan', version: '3', count: 2 }]);
  });

  it('rejects only the requests for a model with no deployed version; waits for a model that is loading', async () => {
    const server = await serverWith(['loan', '3']);
    const result = await processInferenceChunk(
      [request('a', 'loan', { income: 1000 }), request('b', 'ghost', { income: 1 }), request('c', 'loan', { income: 2000 })],
      server,
      { now: () => new Date(), batchSize: 64 },
    );
    expect(result.outcomes.map((o) => o.status)).toEqual(['handled', 'rejected', 'handled']);
    expect(result.rejected).toEqual([{ model: 'ghost', version: 'none', count: 1 }]);

    let finishLoading: () => void = () => undefined;
    const slow = new ModelServer(
      (e) => new Promise<ServedModel>((resolve) => (finishLoading = () => resolve(new ServedModel(e.model, e.version, incomeModel, new Date())))),
      silentLogger,
    );
    const loading = slow.deploy(deployed('loan', '1'));
    await expect(processInferenceChunk([request('d', 'loan', { income: 1 })], slow, { now: () => new Date(), batchSize: 64 })).rejects.toBeInstanceOf(ModelNotServedError);
    finishLoading();
    await loading;
    const served = await processInferenceChunk([request('d', 'loan', { income: 1 })], slow, { now: () => new Date(), batchSize: 64 });
    expect(served.outcomes.map((o) => o.status)).toEqual(['handled']);
  });
});
