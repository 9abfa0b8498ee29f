import { freePort } from '@mlops/testing';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { versionInput, writeSavedModel } from '../__tests__/saved-model.fixture';
import { InvalidNameError } from '../errors/invalid-name.error';
import { InvalidRegistryConfigError } from '../errors/invalid-registry-config.error';
import { RegistryRequestError } from '../errors/registry-request.error';
import { RegistryUnavailableError } from '../errors/registry-unavailable.error';
import { VersionNotFoundError } from '../errors/version-not-found.error';
import { EmptyResponse, GetRegisteredModelResponse } from './mlflow-responses';
import { MlflowHttpClient } from './mlflow-http-client';
import { MlflowRegistry } from './mlflow-registry';

const FAST_RETRY = { attempts: 3, initialMs: 5, maxMs: 20, factor: 2 };

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A stand-in MLflow server on loopback whose answers each test scripts. */
async function fakeServer(handler: Handler): Promise<{ uri: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    uri: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

describe('MlflowHttpClient', () => {
  it('retries a closed port with back-off, then throws a retriable RegistryUnavailableError', async () => {
    const uri = `http://127.0.0.1:${await freePort()}`;
    const client = new MlflowHttpClient({ trackingUri: uri, retry: FAST_RETRY });
    const error = await client.call('GET', 'mlflow/registered-models/get', EmptyResponse).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryUnavailableError);
    expect(error).toMatchObject({ retriable: true, attempts: 3 });
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('retries 503 answers, then gives up with RegistryUnavailableError', async () => {
    const server = await fakeServer((_req, res) => json(res, 503, { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'busy' }));
    try {
      const client = new MlflowHttpClient({ trackingUri: server.uri, retry: FAST_RETRY });
      const error = await client.call('GET', 'mlflow/registered-models/get', EmptyResponse, { query: { name: 'm' } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RegistryUnavailableError);
      expect((error as Error).message).toMatch(/HTTP 503/);
      expect(server.requests).toEqual(Array(3).fill('GET /api/2.0/mlflow/registered-models/get?name=m'));
    } finally {
      await server.close();
    }
  });

  it('recovers when the server comes back before the tries run out', async () => {
    let calls = 0;
    const server = await fakeServer((_req, res) =>
      ++calls < 3 ? json(res, 502, {}) : json(res, 200, { registered_model: { name: 'm', aliases: [{ alias: 'champion', version: '4' }] } }),
    );
    try {
      const client = new MlflowHttpClient({ trackingUri: server.uri, retry: FAST_RETRY });
      const answer = await client.call('GET', 'mlflow/registered-models/get', GetRegisteredModelResponse, { query: { name: 'm' } });
      expect(answer.registered_model.aliases).toEqual([{ alias: 'champion', version: '4' }]);
      expect(calls).toBe(3);
    } finally {
      await server.close();
    }
  });

  it('does not retry a 4xx; it carries MLflow error_code and message', async () => {
    const server = await fakeServer((_req, res) => json(res, 400, { error_code: 'INVALID_PARAMETER_VALUE', message: 'bad filter' }));
    try {
      const client = new MlflowHttpClient({ trackingUri: server.uri, retry: FAST_RETRY });
      const error = await client.call('GET', 'mlflow/model-versions/search', EmptyResponse).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RegistryRequestError);
      expect(error).toMatchObject({ retriable: false, status: 400, errorCode: 'INVALID_PARAMETER_VALUE' });
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('before retrying a create, looks for what a lost attempt may have created', async () => {
    let calls = 0;
    const server = await fakeServer((_req, res) => (++calls === 1 ? json(res, 500, {}) : json(res, 200, {})));
    try {
      const client = new MlflowHttpClient({ trackingUri: server.uri, retry: FAST_RETRY });
      const existing = {};
      const answer = await client.call('POST', 'mlflow/model-versions/create', EmptyResponse, { body: {}, findExisting: async () => existing });
      expect(answer).toBe(existing);
      expect(calls).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('turns credentials in the tracking URI into basic auth and keeps them out of the URL and its errors', async () => {
    const seen: (string | undefined)[] = [];
    const server = await fakeServer((req, res) => {
      seen.push(req.headers.authorization);
      json(res, 503, { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'busy' });
    });
    try {
      const withCredentials = server.uri.replace('http://', 'http://ops:s%40cret@');
      const client = new MlflowHttpClient({ trackingUri: withCredentials, retry: FAST_RETRY });
      expect(client.baseUrl).toBe(server.uri);
      const error = (await client.call('GET', 'mlflow/experiments/search', EmptyResponse).catch((e: unknown) => e)) as Error;
      expect(seen[0]).toBe(`Basic ${Buffer.from('ops:s@cret').toString('base64')}`);
      expect(error.message).not.toMatch(/cret/);
    } finally {
      await server.close();
    }
  });

  it('rejects a tracking URI that is not http(s) at construction', () => {
    expect(() => new MlflowHttpClient({ trackingUri: 'file:///tmp/mlruns' })).toThrow(InvalidRegistryConfigError);
    expect(() => new MlflowHttpClient({ trackingUri: 'not a url' })).toThrow(InvalidRegistryConfigError);
    expect(() => new MlflowHttpClient({ trackingUri: 'http://x', retry: { attempts: 0 } })).toThrow(InvalidRegistryConfigError);
  });
});

describe('MlflowRegistry without a healthy server', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'mlflow-down-'));
    await writeSavedModel(join(work, 'src'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('throws RegistryUnavailableError when MLflow is unreachable', async () => {
    const registry = new MlflowRegistry({ trackingUri: `http://127.0.0.1:${await freePort()}`, retry: FAST_RETRY });
    await expect(registry.createVersion(versionInput('m', join(work, 'src')))).rejects.toThrow(RegistryUnavailableError);
    await expect(registry.getVersion('m', '1')).rejects.toThrow(RegistryUnavailableError);
    await expect(registry.downloadVersion('m', '1', join(work, 'dest'))).rejects.toThrow(RegistryUnavailableError);
    expect(await readdir(work)).toEqual(['src']);
  });

  it('throws RegistryUnavailableError when MLflow answers 503, after the configured tries', async () => {
    const server = await fakeServer((_req, res) => json(res, 503, {}));
    try {
      const registry = new MlflowRegistry({ trackingUri: server.uri, retry: FAST_RETRY });
      const error = await registry.listAliases('m').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RegistryUnavailableError);
      expect(error).toMatchObject({ retriable: true, attempts: 3 });
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  it('rejects bad names before any request', async () => {
    const server = await fakeServer((_req, res) => json(res, 503, {}));
    try {
      const registry = new MlflowRegistry({ trackingUri: server.uri, retry: FAST_RETRY });
      await expect(registry.createVersion(versionInput('../x', join(work, 'src')))).rejects.toThrow(InvalidNameError);
      await expect(registry.getVersion('a/b', '1')).rejects.toThrow(InvalidNameError);
      await expect(registry.setAlias('m', '../champion', '1')).rejects.toThrow(InvalidNameError);
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('maps a 404 for a version to VersionNotFoundError once the model is known to exist', async () => {
    const server = await fakeServer((req, res) =>
      req.url?.startsWith('/api/2.0/mlflow/model-versions/get')
        ? json(res, 404, { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Model Version (name=m, version=3) not found' })
        : json(res, 200, { registered_model: { name: 'm' } }),
    );
    try {
      const registry = new MlflowRegistry({ trackingUri: server.uri, retry: FAST_RETRY });
      await expect(registry.getVersion('m', '3')).rejects.toThrow(VersionNotFoundError);
    } finally {
      await server.close();
    }
  });
});
