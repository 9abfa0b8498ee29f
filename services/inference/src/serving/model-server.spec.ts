import type { ModelDeployed } from '@mlops/contracts';
import { RetriableError } from '@mlops/kafka';
import { silentLogger } from '@mlops/observability';
import { ModelNotServedError } from './model-not-served.error';
import { ModelServer } from './model-server';
import { ServedModel } from './served-model';

// A stand-in model: this spec checks the swap protocol, not tfjs (see the int-spec for that).
function fakeModel() {
  const state = { disposed: false };
  const model = {
    predict: async (rows: readonly unknown[]) => rows.map(() => 1),
    validate: () => undefined,
    dispose: () => void (state.disposed = true),
    schema: [],
    task: 'regression' as const,
    classes: undefined,
  };
  return { model, state };
}

const deployed = (version: string, model = 'loan'): ModelDeployed => ({
  schemaVersion: 1,
  model,
  version,
  artifact: { uri: `registry://${model}/${version}`, sha256: 'a'.repeat(64) },
  baselineProfile: { uri: `registry://${model}/${version}/baseline`, sha256: 'b'.repeat(64) },
  deployedAt: '2026-01-01T00:00:00.000Z',
});

describe('ModelServer', () => {
  it('swaps to a new version and disposes the old one only after its in-flight batch', async () => {
    const models = new Map<string, ReturnType<typeof fakeModel>>();
    const server = new ModelServer(async (e) => {
      const fake = fakeModel();
      models.set(e.version, fake);
      return new ServedModel(e.model, e.version, fake.model, new Date());
    }, silentLogger);
    expect(await server.deploy(deployed('1'))).toBe('swapped');
    let release: () => void = () => undefined;
    const inFlight = server.withModel('loan', (served) => new Promise<string>((resolve) => (release = () => resolve(served.version))));
    expect(await server.deploy(deployed('2'))).toBe('swapped');
    expect(server.get('loan')!.version).toBe('2');
    expect(models.get('1')!.state.disposed).toBe(false);
    release();
    expect(await inFlight).toBe('1');
    expect(models.get('1')!.state.disposed).toBe(true);
    expect(models.get('2')!.state.disposed).toBe(false);
  });

  it('keeps serving the current version when the new one fails to load, and reports it', async () => {
    const failures: string[] = [];
    const server = new ModelServer(
      async (e) => {
        if (e.version === 'bad') throw new Error('checksum mismatch');
        return new ServedModel(e.model, e.version, fakeModel().model, new Date());
      },
      silentLogger,
      [],
      { onFailure: (model, version, error) => failures.push(`${model}@${version}: ${error.message}`) },
    );
    await server.deploy(deployed('1'));
    expect(await server.deploy(deployed('bad'))).toBe('failed');
    expect(server.get('loan')!.version).toBe('1');
    expect(failures).toEqual(['loan@bad: checksum mismatch']);
  });

  it('rejects a retriable load failure (registry down) so the event is retried, and keeps serving meanwhile', async () => {
    const failures: string[] = [];
    let registryUp = false;
    const server = new ModelServer(
      async (e) => {
        if (e.version === '2' && !registryUp) throw new RetriableError('registry unavailable: connection refused');
        return new ServedModel(e.model, e.version, fakeModel().model, new Date());
      },
      silentLogger,
      [],
      { onFailure: (model, version) => failures.push(`${model}@${version}`) },
    );
    await server.deploy(deployed('1'));
    await expect(server.deploy(deployed('2'))).rejects.toBeInstanceOf(RetriableError);
    expect(server.get('loan')!.version).toBe('1');
    expect(failures).toEqual([]);
    registryUp = true;
    expect(await server.deploy(deployed('2'))).toBe('swapped');
    expect(server.get('loan')!.version).toBe('2');
  });

  it('applies one model\'s deployments in order, ignores repeats and models it does not serve', async () => {
    const order: string[] = [];
    const server = new ModelServer(
      async (e) => {
        await new Promise((r) => setTimeout(r, e.version === '1' ? 20 : 0));
        order.push(e.version);
        return new ServedModel(e.model, e.version, fakeModel().model, new Date());
      },
      silentLogger,
      ['loan'],
    );
    const outcomes = await Promise.all([server.deploy(deployed('1')), server.deploy(deployed('2')), server.deploy(deployed('2')), server.deploy(deployed('1', 'other'))]);
    expect(order).toEqual(['1', '2']);
    expect(outcomes).toEqual(['swapped', 'swapped', 'unchanged', 'ignored']);
  });

  it('answers ModelNotServedError (retriable) for a model with no loaded version', async () => {
    const server = new ModelServer(async () => Promise.reject(new Error('unused')), silentLogger);
    await expect(server.withModel('loan', async () => 1)).rejects.toBeInstanceOf(ModelNotServedError);
  });
});
