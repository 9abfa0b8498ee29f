import { backoffDelay, sleep } from '@mlops/kafka';
import type { StructuredLogger } from '@mlops/observability';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { z } from 'zod';
import { InvalidRegistryConfigError } from '../errors/invalid-registry-config.error';
import { RegistryRequestError } from '../errors/registry-request.error';
import { RegistryUnavailableError } from '../errors/registry-unavailable.error';
import { writeStreamHashed, type HashedBytes } from '../manifest/hashing-copy';
import { noopLogger } from '../registry/noop-logger';
import { ErrorBody } from './mlflow-responses';
import { DEFAULT_RETRY, isRetriableStatus, type RetryPolicy } from './retry-policy';

export interface MlflowHttpOptions {
  /** MLFLOW_TRACKING_URI: the tracking server's http(s) base URL. */
  trackingUri: string;
  retry?: Partial<RetryPolicy>;
  /** Per try, response body included. */
  requestTimeoutMs?: number;
  /** Bearer token (MLflow's MLFLOW_TRACKING_TOKEN), or basic-auth credentials. */
  token?: string;
  username?: string;
  password?: string;
  logger?: StructuredLogger;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | undefined>;

export interface CallOptions<T> {
  query?: Query;
  body?: unknown;
  /**
   * Asked before every retry of a request that creates something: if the lost attempt did
   * reach the server, this finds what it created so the retry does not create it twice.
   */
  findExisting?: () => Promise<T | undefined>;
}

/** A failure worth another try: no answer, or 5xx/429. */
class TransientFailure extends Error {}

/**
 * The one place that talks HTTP to MLflow: JSON calls to /api/2.0/mlflow/*, artifact uploads and
 * downloads through /api/2.0/mlflow-artifacts/*, retries with exponential back-off on network
 * errors and 5xx/429, and MLflow's `{ error_code, message }` turned into typed errors.
 */
export class MlflowHttpClient {
  readonly baseUrl: string;
  private readonly retry: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly authorization?: string;
  private readonly logger: StructuredLogger;

  constructor(options: MlflowHttpOptions) {
    const { baseUrl, username, password } = validBaseUrl(options.trackingUri);
    // Credentials in the URI (http://user:secret@host) become basic auth: fetch refuses URLs
    // with credentials, and the base URL appears in log lines and error messages.
    this.baseUrl = baseUrl;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    if (!Number.isInteger(this.retry.attempts) || this.retry.attempts < 1) {
      throw new InvalidRegistryConfigError('retry.attempts', `expected a positive integer, got ${this.retry.attempts}`);
    }
    this.timeoutMs = options.requestTimeoutMs ?? 30000;
    if (options.token) this.authorization = `Bearer ${options.token}`;
    else if (options.username !== undefined) {
      this.authorization = `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64')}`;
    } else if (username !== undefined) {
      this.authorization = `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`;
    }
    this.logger = options.logger ?? noopLogger;
  }

  /** A JSON call to `/api/2.0/<endpoint>`, its answer checked against `schema`. */
  async call<S extends z.ZodType>(method: Method, endpoint: string, schema: S, options: CallOptions<z.output<S>> = {}): Promise<z.output<S>> {
    const url = this.url(`/api/2.0/${endpoint}`, options.query);
    const init: RequestInit = {
      method,
      headers: this.headers(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    };
    return this.withRetries(endpoint, async () => {
      const response = await this.fetchOnce(url, init);
      const json = await readJson(response, endpoint);
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw new RegistryRequestError(endpoint, `unexpected response: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
      }
      return parsed.data;
    }, options.findExisting);
  }

  /** Uploads one file through the artifact proxy (`urlPath` from artifactFileUrlPath). */
  async putArtifact(urlPath: string, bytes: Buffer): Promise<void> {
    const url = this.url(urlPath);
    const init: RequestInit = { method: 'PUT', headers: this.headers({ 'content-type': 'application/octet-stream' }), body: bytes };
    await this.withRetries('mlflow-artifacts (upload)', async () => {
      const response = await this.fetchOnce(url, init);
      await readJson(response, 'mlflow-artifacts (upload)');
    });
  }

  /** Downloads one file through the artifact proxy into `target`, hashing what is written. */
  async downloadArtifact(urlPath: string, target: string): Promise<HashedBytes> {
    const url = this.url(urlPath);
    const endpoint = 'mlflow-artifacts (download)';
    return this.withRetries(endpoint, async () => {
      const response = await this.fetchOnce(url, { method: 'GET', headers: this.headers({}) });
      if (!response.ok) await readJson(response, endpoint);
      if (!response.body) throw new RegistryRequestError(endpoint, 'empty response body');
      try {
        return await writeStreamHashed(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), target);
      } catch (error) {
        // A connection cut mid-body: drop the partial file so the next try starts clean.
        await rm(target, { force: true });
        throw new TransientFailure(`download interrupted: ${describe(error)}`, { cause: error });
      }
    });
  }

  /** Downloads a small artifact (a JSON record) into memory. */
  async getArtifactBytes(urlPath: string, maxBytes = 64 * 1024 * 1024): Promise<Buffer> {
    const url = this.url(urlPath);
    const endpoint = 'mlflow-artifacts (download)';
    return this.withRetries(endpoint, async () => {
      const response = await this.fetchOnce(url, { method: 'GET', headers: this.headers({}) });
      if (!response.ok) await readJson(response, endpoint);
      let bytes: Buffer;
      try {
        bytes = Buffer.from(await response.arrayBuffer());
      } catch (error) {
        throw new TransientFailure(`download interrupted: ${describe(error)}`, { cause: error });
      }
      if (bytes.length > maxBytes) throw new RegistryRequestError(endpoint, `artifact larger than ${maxBytes} bytes`);
      return bytes;
    });
  }

  private async withRetries<T>(endpoint: string, attempt: () => Promise<T>, findExisting?: () => Promise<T | undefined>): Promise<T> {
    let last: TransientFailure | undefined;
    for (let n = 1; n <= this.retry.attempts; n++) {
      if (n > 1 && findExisting) {
        const existing = await findExisting();
        if (existing !== undefined) return existing;
      }
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof TransientFailure)) throw error;
        last = error;
        if (n < this.retry.attempts) {
          const delayMs = backoffDelay(n, this.retry);
          this.logger.warn('MLflow request failed, retrying', { endpoint, attempt: n, delayMs, problem: error.message });
          await sleep(delayMs);
        }
      }
    }
    this.logger.error('MLflow unavailable', { endpoint, attempts: this.retry.attempts, problem: last?.message });
    throw new RegistryUnavailableError(`${this.baseUrl} ${endpoint}`, this.retry.attempts, last?.message ?? 'unknown', { cause: last });
  }

  /** One request: a network error or a 5xx/429 becomes a TransientFailure, anything else is returned. */
  private async fetchOnce(url: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new TransientFailure(describe(error), { cause: error });
    }
    if (isRetriableStatus(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      throw new TransientFailure(`HTTP ${response.status}`);
    }
    return response;
  }

  private url(path: string, query?: Query): string {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.href;
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    return { accept: 'application/json', ...(this.authorization && { authorization: this.authorization }), ...extra };
  }
}

function validBaseUrl(trackingUri: string): { baseUrl: string; username?: string; password?: string } {
  let url: URL;
  try {
    url = new URL(trackingUri);
  } catch {
    // Not echoed: an unparsable URI may still carry a secret.
    throw new InvalidRegistryConfigError('trackingUri', 'expected an http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidRegistryConfigError('trackingUri', `expected an http(s) URL, got ${url.protocol}`);
  }
  const username = url.username ? decodeURIComponent(url.username) : undefined;
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.username = '';
  url.password = '';
  return { baseUrl: url.href.replace(/\/+$/, ''), username, password };
}

/** Reads a JSON answer; a non-2xx becomes a RegistryRequestError carrying MLflow's error_code. */
async function readJson(response: Response, endpoint: string): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new TransientFailure(`response interrupted: ${describe(error)}`, { cause: error });
  }
  let json: unknown = undefined;
  try {
    json = text === '' ? {} : JSON.parse(text);
  } catch {
    // Not JSON: reported below with the status if it was an error, else as an unexpected answer.
  }
  if (!response.ok) {
    const body = ErrorBody.safeParse(json);
    const message = (body.success && body.data.message) || `HTTP ${response.status}`;
    throw new RegistryRequestError(endpoint, message.slice(0, 500), response.status, body.success ? body.data.error_code : undefined);
  }
  if (json === undefined) throw new RegistryRequestError(endpoint, 'response is not JSON');
  return json;
}

function describe(error: unknown): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError') return 'timed out';
  const cause = err?.cause?.code ?? err?.cause?.message;
  return cause ? `${err.message} (${cause})` : String(err?.message ?? error);
}
